using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Imports;
using Dso.Api.GraphQL.Organizations;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Scenarios;
using Dso.Api.GraphQL.Statuses;
using GraphQL.Types;

namespace Dso.Api.GraphQL;

/// <summary>The mutation root: each feature adds its mutations.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        OrganizationMutations.Register(this);
        ClientMutations.Register(this);
        PieceMutations.Register(this);
        StatusMutations.Register(this);
        ScenarioMutations.Register(this);
        ImportMutations.Register(this);
        Actions.ActionMutations.Register(this);
        Messaging.MessageMutations.Register(this);
        ExchangeRates.ExchangeRateFields.RegisterMutations(this);
        Reports.ExportReportMutation.Register(this);
        Penalties.PenaltyMutations.Register(this);
        Alerts.AlertFields.RegisterMutations(this);
        Templates.TemplateFields.RegisterMutations(this);
        Penalties.PenaltyRateFields.RegisterMutations(this);
        Users.UserFields.RegisterMutations(this);
        Connections.ConnectionFields.RegisterMutations(this);
        Webhooks.WebhookFields.RegisterMutations(this);
    }
}
