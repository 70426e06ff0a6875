using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Imports;
using Dso.Api.GraphQL.Organizations;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Scenarios;
using Dso.Api.GraphQL.Statuses;
using Dso.Api.GraphQL.Users;
using GraphQL.Types;

namespace Dso.Api.GraphQL;

/// <summary>The query root: each feature adds its fields.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        NodeQueries.Register(this);
        UserQueries.Register(this);
        OrganizationQueries.Register(this);
        ClientQueries.Register(this);
        PieceQueries.Register(this);
        StatusQueries.Register(this);
        ScenarioQueries.Register(this);
        ImportQueries.Register(this);
        Actions.ActionQueries.Register(this);
        Messaging.MessageQueries.Register(this);
        Penalties.PenaltyQueries.Register(this);
        Reports.ReportQueries.Register(this);
        ExchangeRates.ExchangeRateFields.RegisterQueries(this);
        Alerts.AlertFields.RegisterQueries(this);
        Templates.TemplateFields.RegisterQueries(this);
        Penalties.PenaltyRateFields.RegisterQueries(this);
        UserFields.RegisterQueries(this);
        Audit.AuditFields.RegisterQueries(this);
        Connections.ConnectionFields.RegisterQueries(this);
        Webhooks.WebhookFields.RegisterQueries(this);
    }
}
