using Dso.Api.GraphQL.Common;
using Dso.Domain.Actions;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Actions;

/// <summary>Mutations of the actions feature.</summary>
public static class ActionMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateSpecificActionInputGraphType, ActionPayloadGraphType, CollectionAction>(mutation, "createSpecificAction",
            "Plans an action by hand for a client.", (Access.Writer, "plan actions"),
            (ctx, input) => ctx.Service<CreateSpecificAction>().ExecuteAsync(CreateSpecificActionInputGraphType.From(input), ctx.Principal().UserId, ctx.CancellationToken));
        MutationFields.Add<CompleteActionInputGraphType, ActionPayloadGraphType, CollectionAction>(mutation, "completeAction",
            "Marks a planned action done.", (Access.Writer, "complete actions"),
            (ctx, input) => ctx.Service<CompleteAction>().ExecuteAsync(
                GlobalId.DecodeAs("Action", input.Value<string>("actionId")), input.Value<string>("note"), ctx.Principal().UserId, ctx.CancellationToken));
    }
}
