using Dso.Api.Auth;
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
            "Plans an action by hand for a client.", Policies.Write,
            (ctx, input) => ctx.Service<CreateSpecificAction>().ExecuteAsync(CreateSpecificActionInputGraphType.From(input), ctx.Principal().UserId, ctx.CancellationToken));
        MutationFields.Add<CompleteActionInputGraphType, ActionPayloadGraphType, CollectionAction>(mutation, "completeAction",
            "Marks a planned action done.", Policies.Write,
            (ctx, input) => ctx.Service<CompleteAction>().ExecuteAsync(
                GlobalId.DecodeAs("Action", input.Value<string>("actionId")), input.Value<string>("note"), ctx.Principal().UserId, ctx.CancellationToken));
        Override<SkipActionInputGraphType>(mutation, "skipAction", "Decides, with a reason, that a planned action will not be done.", OverrideKind.Skip);
        Override<PostponeActionInputGraphType>(mutation, "postponeAction", "Moves a planned action to a later date, with a reason.", OverrideKind.Postpone);
        Override<PauseClientInputGraphType>(mutation, "pauseClient", "Pauses a client's dunning until a date or until resumed, with a reason.", OverrideKind.Pause);
        Override<ResumeClientInputGraphType>(mutation, "resumeClient", "Ends a client's pause, with a reason.", OverrideKind.Resume);
    }

    private static void Override<TInput>(ObjectGraphType mutation, string name, string description, OverrideKind kind)
        where TInput : IInputObjectGraphType =>
        MutationFields.Add<TInput, OverridePayloadGraphType, CollectionOverride>(mutation, name, description, Policies.Write,
            (ctx, input) => ctx.Service<OverridePlan>().ExecuteAsync(
                new OverrideRequest(kind,
                    input.ContainsKey("actionId") ? GlobalId.DecodeAs("Action", input.Value<string>("actionId")) ?? -1 : null,
                    input.ContainsKey("clientId") ? GlobalId.DecodeAs("Client", input.Value<string>("clientId")) ?? -1 : null,
                    input.Value<string>("reason"), input.Value<DateOnly?>("until")),
                ctx.Principal().UserId, ctx.CancellationToken));
}
