using Dso.Domain.Users;

namespace Dso.Api.Tests.Audit;

[Collection(ApiServerGroup.Name)]
public class AuditLogApiTests(ApiServer server)
{
    private const string Log = "query($e: ID, $u: ID) { auditLog(entityId: $e, userId: $u) { nodes { operation entityType entityId change values user { name } } } }";

    [Fact]
    public async Task EveryMutation_RecordsWhoChangedWhatFromWhatToWhat_AndOnlyAdministratorsReadIt()
    {
        var admin = await server.CreateOrganizationAsync("Audit SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        var client = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }] }) { clients { id } } }", key: admin))
            .Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha Bis\" }] }) { userErrors { code } } }", key: admin);
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Refusé\" }] }) { userErrors { code } } }", key: viewer);
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"\" }] }) { userErrors { code } } }", key: admin);
        var user = (await server.PostAsync("mutation { createUser(input: { name: \"Zoé\", email: \"zoe@audit.example\", roles: [VIEWER] }) { user { id } } }", key: admin))
            .Data("createUser", "user", "id")!.GetValue<string>();
        await server.PostAsync("mutation($u: ID!) { createApiKey(input: { userId: $u }) { secret } }", new { u = user }, admin);

        var history = (await server.PostAsync(Log, new { e = client }, admin)).Data("auditLog", "nodes")!.AsArray();
        var keys = (await server.PostAsync(Log, new { e = (string?)null, u = (string?)null }, admin)).Data("auditLog", "nodes")!.AsArray()
            .Where(n => n!["entityType"]!.GetValue<string>() == "ApiKey").ToList();
        var refused = await server.PostAsync(Log, new { e = client }, viewer);

        Assert.Equal(["upsertClients MODIFIED Administrator", "upsertClients ADDED Administrator"],
            history.Select(n => $"{n!["operation"]} {n["change"]} {n["user"]!["name"]}"));
        Assert.Equal(client, history[0]!["entityId"]!.GetValue<string>());
        Assert.Equal("{\"before\":\"Alpha\",\"after\":\"Alpha Bis\"}", history[0]!["values"]!["Name"]!.ToJsonString());
        var added = history[1]!["values"]!.AsObject();
        Assert.Equal("{\"after\":\"Alpha\"}", added["Name"]!.ToJsonString());
        Assert.DoesNotContain(added, value => value.Key == "OrganizationId" || value.Value!["after"] is null);
        Assert.Equal("\"***\"", Assert.Single(keys)!["values"]!["Hash"]!["after"]!.ToJsonString());
        Assert.True(refused.Forbidden, refused.Body);
    }
}
