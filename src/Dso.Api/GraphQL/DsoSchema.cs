using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Imports;
using Dso.Api.GraphQL.Organizations;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Scenarios;
using Dso.Api.GraphQL.Statuses;
using Dso.Api.GraphQL.Users;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Dso.Api.GraphQL;

/// <summary>The Dso schema (a singleton: graph types are built once).</summary>
public sealed class DsoSchema : Schema
{
    public DsoSchema(IServiceProvider services)
        : base(services)
    {
        this.RegisterTypeMapping<DateOnly, Common.DateScalar>();
        // Any role may read; fields and types that need more name their policy (Auth.Policies).
        this.AuthorizeWithPolicy(Auth.Policies.Read);
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        Subscription = services.GetRequiredService<Subscriptions.SubscriptionGraphType>();
        // Node implementations are reached only through the interface from node(id:).
        this.RegisterType<OrganizationGraphType>();
        this.RegisterType<UserGraphType>();
        this.RegisterType<ClientGraphType>();
        this.RegisterType<PieceGraphType>();
        this.RegisterType<StatusGraphType>();
        this.RegisterType<ScenarioGraphType>();
        this.RegisterType<Templates.TemplateGraphType>();
        this.RegisterType<ImportJobGraphType>();
        this.RegisterType<Actions.ActionGraphType>();
        this.RegisterType<Alerts.AlertGraphType>();
    }

    /// <summary>The SDL of the schema, as committed in schema.graphql.</summary>
    public string PrintSdl() =>
        this.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
}
