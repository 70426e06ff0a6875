using Dso.Api.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Alerts;

[Collection(ApiServerGroup.Name)]
public class AlertApiTests(ApiServer server)
{
    [Fact]
    public async Task TheMorningJob_RaisesABrokenPromise_ListedUntilAcknowledged()
    {
        var key = await server.CreateOrganizationAsync("Alert SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"100\", balanceDate: \"2025-05-01\", promiseDate: \"2025-06-20\" }] }) { userErrors { message } } }", key: key);

        await server.Services.GetRequiredService<ScenarioMorningJob>().Invoke();
        // The invoice, 30 days overdue and never dunned, also makes a NOT_DUNNED alert: this test is about the promise.
        var open = new System.Text.Json.Nodes.JsonArray([.. (await server.PostAsync("{ alerts(acknowledged: false) { nodes { id kind message acknowledged client { code } } } }", key: key))
            .Data("alerts", "nodes")!.AsArray().Where(a => a!["kind"]!.GetValue<string>() == "BROKEN_PROMISE").Select(a => a!.DeepClone())]);
        var id = open[0]!["id"]!.GetValue<string>();
        var acknowledged = await server.PostAsync("mutation($a: ID!) { acknowledgeAlert(input: { alertId: $a }) { alert { acknowledged } userErrors { code } } }", new { a = id }, key);
        var after = await server.PostAsync("{ alerts(acknowledged: false) { nodes { id kind } } }", key: key);
        var elsewhere = await server.PostAsync("{ alerts { nodes { id } } }", key: await server.CreateOrganizationAsync("Alert Intruder SAS"));

        Assert.Equal("[{\"id\":\"" + id + "\",\"kind\":\"BROKEN_PROMISE\",\"message\":\"Payment promised by 2025-06-20 not received: F1.\",\"acknowledged\":false,\"client\":{\"code\":\"A\"}}]",
            open.ToJsonString());
        Assert.True(acknowledged.Data("acknowledgeAlert", "alert", "acknowledged")!.GetValue<bool>());
        Assert.Equal(["NOT_DUNNED"], after.Data("alerts", "nodes")!.AsArray().Select(a => a!["kind"]!.GetValue<string>()));
        Assert.Empty(elsewhere.Data("alerts", "nodes")!.AsArray());
    }
}
