using Dso.Domain.Users;

namespace Dso.Api.Tests.Actions;

[Collection(ApiServerGroup.Name)]
public class OverrideApiTests(ApiServer server)
{
    [Fact]
    public async Task PausingAClient_IsInItsHistory_WithWhoWhyAndUntilWhen_AndAViewerCannot()
    {
        var key = await server.CreateOrganizationAsync("Override SAS");
        var client = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }] }) { clients { id } } }", key: key))
            .Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        const string Pause = "mutation($c: ID!) { pauseClient(input: { clientId: $c, reason: \"Plan de règlement signé\", until: \"2025-07-31\" }) { override { kind } userErrors { field code } } }";

        var refused = await server.PostAsync(Pause, new { c = client }, await server.CreateKeyAsync(key, Role.Viewer));
        var paused = await server.PostAsync(Pause, new { c = client }, key);
        var read = await server.PostAsync("query($c: ID!) { node(id: $c) { ... on Client { paused pausedUntil overrides { kind reason until by { name } } } } }", new { c = client }, key);

        Assert.True(refused.Forbidden, refused.Body);
        Assert.Equal("PAUSE", paused.Data("pauseClient", "override", "kind")!.GetValue<string>());
        var node = read.Data("node")!;
        Assert.Equal((true, "2025-07-31"), (node["paused"]!.GetValue<bool>(), node["pausedUntil"]!.GetValue<string>()));
        var entry = node["overrides"]!.AsArray().Single()!;
        Assert.Equal(("PAUSE", "Plan de règlement signé", "2025-07-31", "Administrator"),
            (entry["kind"]!.GetValue<string>(), entry["reason"]!.GetValue<string>(), entry["until"]!.GetValue<string>(), entry["by"]!["name"]!.GetValue<string>()));
    }
}
