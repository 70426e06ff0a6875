using Dso.Api.GraphQL.Common;
using Dso.Domain.Actions;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Actions;

/// <summary>The input of createSpecificAction.</summary>
public sealed class CreateSpecificActionInputGraphType : InputObjectGraphType
{
    public CreateSpecificActionInputGraphType()
    {
        Name = "CreateSpecificActionInput";
        Field<NonNullGraphType<IdGraphType>>("clientId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("pieceIds").Description("Pieces of the client the action is about; they leave the scenario while it is open.");
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel");
        Field<DateScalar>("dueDate").Description("Default: today.");
        Field<IdGraphType>("assigneeId").Description("Default: the caller.");
        Field<StringGraphType>("note");
    }

    public static SpecificActionRequest From(IDictionary<string, object?> input) => new(
        GlobalId.DecodeAs("Client", input.Value<string>("clientId")),
        input.Items<string>("pieceIds").Select(id => GlobalId.DecodeAs("Piece", id)).ToList(),
        (Channel)input["channel"]!,
        input.Value<DateOnly?>("dueDate"),
        input.TryGetValue("assigneeId", out var assignee) && assignee is string id ? GlobalId.DecodeAs("User", id) ?? -1 : null,
        input.Value<string>("note"));
}

/// <summary>The input of completeAction.</summary>
public sealed class CompleteActionInputGraphType : InputObjectGraphType
{
    public CompleteActionInputGraphType()
    {
        Name = "CompleteActionInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<StringGraphType>("note");
    }
}

/// <summary>The payload of the action mutations.</summary>
public sealed class ActionPayloadGraphType() : PayloadGraphType<ActionGraphType, CollectionAction>("ActionPayload", "action");
