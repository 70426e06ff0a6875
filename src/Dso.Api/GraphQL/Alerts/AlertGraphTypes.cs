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
        Field<DateTimeScalar>("acknowledgedAt").Resolve(ctx => ctx.Source.AcknowledgedAt);
        Field<Users.UserGraphType>("acknowledgedBy").Resolve(ctx => ctx.Source.AcknowledgedBy is { } id ? ctx.Loaders().Users.Load(id) : null);
        Field<DateTimeScalar>("resolvedAt").Description("When its condition cleared; a resolved alert is no longer open.").Resolve(ctx => ctx.Source.ResolvedAt);
    }
}

/// <summary>An organization's settings of one alert kind.</summary>
public sealed class AlertRuleGraphType : ObjectGraphType<AlertRule>
{
    public AlertRuleGraphType()
    {
        Name = "AlertRule";
        this.NodeId();
        Field<NonNullGraphType<EnumerationGraphType<AlertKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field(r => r.Enabled);
        Field<MoneyGraphType>("thresholdAmount").Description("NOT_DUNNED: the least overdue amount (default 0); null for the other kinds.")
            .ResolveAsync(async ctx => ctx.Source.ThresholdAmount is { } amount ? new Dso.Domain.Common.Money(amount, (await ctx.Loaders().OrganizationAsync(ctx.CancellationToken)).MainCurrency) : (object?)null);
        Field(r => r.Days, nullable: true).Description("NOT_DUNNED: days without a done action (default 15); null for the other kinds.");
    }
}

/// <summary>The input of updateAlertRule.</summary>
public sealed class UpdateAlertRuleInputGraphType : InputObjectGraphType
{
    public UpdateAlertRuleInputGraphType()
    {
        Name = "UpdateAlertRuleInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<BooleanGraphType>("enabled");
        Field<DecimalScalar>("thresholdAmount").Description("NOT_DUNNED only, in the main currency.");
        Field<IntGraphType>("days").Description("NOT_DUNNED only, 1 to 365.");
    }
}

/// <summary>The alert rule updated.</summary>
public sealed class AlertRulePayloadGraphType() : PayloadGraphType<AlertRuleGraphType, AlertRule>("AlertRulePayload", "alertRule");

/// <summary>The alerts feature's root fields.</summary>
public static class AlertFields
{
    public static void RegisterQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<AlertGraphType, Alert>>>("alerts")
            .Description("Alerts, latest first; acknowledged: false keeps the open ones (neither acknowledged nor resolved), true the acknowledged ones.")
            .Argument<BooleanGraphType>("acknowledged")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<ListAlerts>().ExecuteAsync(ctx.GetArgument<bool?>("acknowledged"), ctx.PageRequest(), ctx.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AlertRuleGraphType>>>>("alertRules")
            .Description("The organization's alert rules, one per kind.")
            .ResolveAsync(async ctx => await ctx.Service<ListAlertRules>().ExecuteAsync(ctx.CancellationToken));
    }

    public static void RegisterMutations(ObjectGraphType mutation)
    {
        MutationFields.Add<AcknowledgeAlertInputGraphType, AlertPayloadGraphType, Alert>(mutation, "acknowledgeAlert",
            "Acknowledges an alert; its rule may raise a new one for the client later.", Policies.Write,
            (ctx, input) => ctx.Service<AcknowledgeAlert>().ExecuteAsync(GlobalId.DecodeAs("Alert", input.Value<string>("alertId")), ctx.Principal().UserId, ctx.CancellationToken));
        MutationFields.Add<UpdateAlertRuleInputGraphType, AlertRulePayloadGraphType, AlertRule>(mutation, "updateAlertRule",
            "Turns an alert rule on or off, and sets NOT_DUNNED's threshold amount and days.", Policies.Admin,
            (ctx, input) => ctx.Service<UpdateAlertRule>().ExecuteAsync(GlobalId.DecodeAs("AlertRule", input.Value<string>("id")),
                new AlertRuleInput(input.Value<bool?>("enabled"), input.Value<decimal?>("thresholdAmount"), input.Value<int?>("days")), ctx.CancellationToken));
    }
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
