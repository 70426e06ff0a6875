using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Actions;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Actions;

/// <summary>An override of the plan in a client's history.</summary>
public sealed class OverrideGraphType : ObjectGraphType<CollectionOverride>
{
    public OverrideGraphType()
    {
        Name = "Override";
        Field<NonNullGraphType<EnumerationGraphType<OverrideKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(o => o.Reason);
        Field(o => o.Until, nullable: true).Description("The new date of a postponed action; the end of a pause (null: until resumed).");
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.At);
        Field<UserGraphType>("by").Resolve(ctx => ctx.Loaders().Users.Load(ctx.Source.UserId));
        Field<NonNullGraphType<ClientGraphType>>("client").Resolve(ctx => ctx.Loaders().Clients.Load(ctx.Source.ClientId));
        Field<ActionGraphType>("action").Resolve(ctx => ctx.Source.ActionId is { } id ? ctx.Loaders().Actions.Load(id) : null);
    }
}

/// <summary>The input of skipAction and postponeAction.</summary>
public abstract class ActionOverrideInputGraphType : InputObjectGraphType
{
    protected ActionOverrideInputGraphType(string name, bool until)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<NonNullGraphType<StringGraphType>>("reason");
        if (until)
        {
            Field<NonNullGraphType<DateScalar>>("until").Description("The new date, after today.");
        }
    }
}

/// <summary>The input of skipAction.</summary>
public sealed class SkipActionInputGraphType() : ActionOverrideInputGraphType("SkipActionInput", until: false);

/// <summary>The input of postponeAction.</summary>
public sealed class PostponeActionInputGraphType() : ActionOverrideInputGraphType("PostponeActionInput", until: true);

/// <summary>The input of pauseClient.</summary>
public sealed class PauseClientInputGraphType : InputObjectGraphType
{
    public PauseClientInputGraphType()
    {
        Name = "PauseClientInput";
        Field<NonNullGraphType<IdGraphType>>("clientId");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<DateScalar>("until").Description("The last day of the pause; omitted, until resumeClient.");
    }
}

/// <summary>The input of resumeClient.</summary>
public sealed class ResumeClientInputGraphType : InputObjectGraphType
{
    public ResumeClientInputGraphType()
    {
        Name = "ResumeClientInput";
        Field<NonNullGraphType<IdGraphType>>("clientId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

/// <summary>The override recorded.</summary>
public sealed class OverridePayloadGraphType() : PayloadGraphType<OverrideGraphType, CollectionOverride>("OverridePayload", "override");
