using Dso.Api.Auth;
using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Alerts;
using Dso.Domain.Common.Paging;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Alerts;

/// <summary>An alert raised by a rule about a client.</summary>
public sealed class AlertGraphType : ObjectGraphType<Alert>
{
    public AlertGraphType()
    {
        Name = "Alert";
        this.NodeId();
        Field<NonNullGraphType<EnumerationGraphType<AlertKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<ClientGraphType>("client").Resolve(ctx => ctx.Source.ClientId is { } id ? ctx.Loaders().Clients.Load(id) : null);
        Field(a => a.Message);
        Field<NonNullGraphType<DateTimeScalar>>("raisedAt").Resolve(ctx => ctx.Source.RaisedAt);
        Field(a => a.Acknowledged);
    }
}

/// <summary>The alerts feature's root fields.</summary>
public static class AlertFields
{
    public static void RegisterQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<AlertGraphType, Alert>>>("alerts")
            .Description("Alerts, latest first; acknowledged: false keeps the open ones.")
            .Argument<BooleanGraphType>("acknowledged")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<ListAlerts>().ExecuteAsync(ctx.GetArgument<bool?>("acknowledged"), ctx.PageRequest(), ctx.CancellationToken));

    public static void RegisterMutations(ObjectGraphType mutation) =>
        MutationFields.Add<AcknowledgeAlertInputGraphType, AlertPayloadGraphType, Alert>(mutation, "acknowledgeAlert",
            "Acknowledges an alert; its rule may raise a new one for the client later.", Policies.Write,
            (ctx, input) => ctx.Service<AcknowledgeAlert>().ExecuteAsync(GlobalId.DecodeAs("Alert", input.Value<string>("alertId")), ctx.Principal().UserId, ctx.CancellationToken));
}

/// <summary>The input of acknowledgeAlert.</summary>
public sealed class AcknowledgeAlertInputGraphType : InputObjectGraphType
{
    public AcknowledgeAlertInputGraphType()
    {
        Name = "AcknowledgeAlertInput";
        Field<NonNullGraphType<IdGraphType>>("alertId");
    }
}

/// <summary>The alert acknowledged.</summary>
public sealed class AlertPayloadGraphType() : PayloadGraphType<AlertGraphType, Alert>("AlertPayload", "alert");
