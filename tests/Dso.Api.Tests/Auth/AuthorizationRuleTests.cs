using Dso.Api.Auth;
using Dso.Api.GraphQL;
using Dso.Api.GraphQL.Transport;
using Dso.Domain.Users;
using GraphQL;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Auth;

/// <summary>The one authorization check: the policies of every selected field and type, before anything runs.</summary>
[Collection(ApiServerGroup.Name)]
public class AuthorizationRuleTests(ApiServer server)
{
    private const string Settings = "mutation($i: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { userErrors { code } } }";

    [Fact]
    public async Task EveryMutation_NamesAPolicyThatExists()
    {
        var schema = server.Services.GetRequiredService<DsoSchema>();
        schema.Initialize();
        var provider = server.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var policies = schema.Mutation!.Fields.ToDictionary(f => f.Name, f => f.GetPolicies() ?? []);

        Assert.All(policies, p => Assert.Single(p.Value));
        foreach (var policy in policies.Values.SelectMany(p => p).Distinct())
        {
            Assert.NotNull(await provider.GetPolicyAsync(policy));
        }

        Assert.Equal(Policies.Read, policies["exportReport"].Single());
        Assert.All(new[] { "createUser", "createApiKey", "revokeApiKey", "createStatus", "createScenario", "updateOrganizationSettings", "assignClients" },
            name => Assert.Equal(Policies.Admin, policies[name].Single()));
    }

    [Fact]
    public async Task ARefusal_NamesTheOperation_TheRoleItNeeds_AndTheCallersRoles()
    {
        var admin = await server.CreateOrganizationAsync("Refus SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        var salesRep = await server.CreateKeyAsync(admin, Role.SalesRep);

        var byViewer = await server.PostAsync("mutation { upsertClients(input: { clients: [] }) { userErrors { code } } }", key: viewer);
        var bySalesRep = await server.PostAsync(Settings, new { i = new { staleDays = 20 } }, salesRep);

        Assert.True(byViewer.Forbidden, byViewer.Body);
        Assert.Equal("The operation upsertClients needs the role ADMIN, COLLECTOR, SALES_REP or SALES_ADMIN; yours: VIEWER.", byViewer.FirstErrorMessage);
        Assert.Equal("The operation updateOrganizationSettings needs the role ADMIN; yours: SALES_REP.", bySalesRep.FirstErrorMessage);
    }

    [Fact]
    public async Task AnAdministratorsField_IsRefusedBehindAFragmentAndAnAlias()
    {
        var admin = await server.CreateOrganizationAsync("Fragments SAS");
        var collector = await server.CreateKeyAsync(admin, Role.Collector);
        const string Document = "query { ...Log } fragment Log on Query { history: auditLog(first: 1) { totalCount } }";

        var refused = await server.PostAsync(Document, key: collector);
        var allowed = await server.PostAsync(Document, key: admin);

        Assert.True(refused.Forbidden, refused.Body);
        Assert.Equal("The field Query.auditLog needs the role ADMIN; yours: COLLECTOR.", refused.FirstErrorMessage);
        Assert.Equal(200, allowed.Status);
        Assert.NotNull(allowed.Data("history", "totalCount"));
    }

    [Fact]
    public async Task AFieldLeftOutBySkipOrInclude_IsNotChecked()
    {
        var admin = await server.CreateOrganizationAsync("Directives SAS");
        var collector = await server.CreateKeyAsync(admin, Role.Collector);
        const string Document = "query($admin: Boolean!) { statuses { name } auditLog(first: 1) @include(if: $admin) { totalCount } }";

        var without = await server.PostAsync(Document, new { admin = false }, collector);
        var with = await server.PostAsync(Document, new { admin = true }, collector);
        var skipped = await server.PostAsync("{ statuses { name } auditLog(first: 1) @skip(if: true) { totalCount } }", key: collector);

        Assert.Equal(200, without.Status);
        Assert.NotEmpty(without.Data("statuses")!.AsArray());
        Assert.True(with.Forbidden, with.Body);
        Assert.Equal(200, skipped.Status);
    }

    [Fact]
    public async Task OnlyTheSelectedOperationOfADocument_IsChecked()
    {
        var admin = await server.CreateOrganizationAsync("Operations SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        const string Document = "query Read { statuses { name } } mutation Change { createStatus(input: { name: \"Refusé\", category: DISPUTE }) { userErrors { code } } }";

        var read = await server.SendAsync(Json(new { query = Document, operationName = "Read" }), viewer);
        var change = await server.SendAsync(Json(new { query = Document, operationName = "Change" }), viewer);

        Assert.Equal(200, read.Status);
        Assert.True(change.Forbidden, change.Body);
    }

    [Fact]
    public async Task ACachedDocument_IsCheckedAgainForEachCaller_AndChangesNothingWhenRefused()
    {
        var admin = await server.CreateOrganizationAsync("Cache SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        const string Document = "mutation($i: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { organization { settings { staleDays } } } }";

        var byAdmin = await server.PostAsync(Document, new { i = new { staleDays = 21 } }, admin);
        var byViewer = await server.PostAsync(Document, new { i = new { staleDays = 99 } }, viewer);
        var after = await server.PostAsync("{ organization { settings { staleDays } } }", key: admin);

        Assert.Equal(21, byAdmin.Data("updateOrganizationSettings", "organization", "settings", "staleDays")!.GetValue<int>());
        Assert.True(byViewer.Forbidden, byViewer.Body);
        Assert.Equal(21, after.Data("organization", "settings", "staleDays")!.GetValue<int>());
    }

    [Fact]
    public async Task ADocumentThatPassedValidation_IsParsedOnce()
    {
        var executer = server.Services.GetRequiredService<IDocumentExecuter<DsoSchema>>();
        var rules = server.Services.GetRequiredService<RequestRules>();
        const string Query = "query Cached { __typename }";

        async Task<ExecutionResult> RunAsync()
        {
            using var scope = server.Services.CreateScope();
            return await executer.ExecuteAsync(rules.Options(new global::GraphQL.Transport.GraphQLRequest { Query = Query }, RequestTransport.HttpPost, scope.ServiceProvider, null, default));
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Executed && second.Executed);
        Assert.Same(first.Document, second.Document);
    }

    private static HttpRequestMessage Json(object body) => new(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(body) };
}
