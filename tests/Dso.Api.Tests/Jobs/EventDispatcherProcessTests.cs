using System.Text.Json.Nodes;
using Dso.Api.Tests.Processes;
using Dso.Api.Tests.Transport;

namespace Dso.Api.Tests.Jobs;

/// <summary>The event log between real processes on one SQLite file: fan-out across processes, and a crash between commit and dispatch.</summary>
public class EventDispatcherProcessTests
{
    private const string Load = """
        mutation {
          upsertClients(input: { clients: [{ code: "C1", name: "Alpha SAS" }] }) { userErrors { message } }
          upsertPieces(input: { pieces: [{ type: INVOICE, number: "F1", clientCode: "C1", issueDate: "2025-05-01", dueDate: "2025-05-31", amount: "100", openAmount: "100" }] }) { pieces { id } userErrors { message } }
        }
        """;

    [Fact]
    public async Task TwoServersOnOneDatabase_ASubscriberOfOneHearsWhatIsCommittedThroughTheOther()
    {
        using var database = new TemporaryDatabase();
        using var writer = await ApiProcess.StartAsync(database.Path);
        using var reader = await ApiProcess.StartAsync(database.Path);
        await writer.DataAsync(Load);
        await using var socket = await GraphQLSocket.ConnectAsync(reader.GraphQLUrl, ApiServer.BootstrapKey);
        await socket.SubscribeAsync("s", "subscription { pieceUpdated { number openAmount { amount } } }");
        // Until the subscription is registered, changes pass it by: its own server's change shows when it is.
        Task<JsonNode?>? pending = null;
        async Task<string> NextPieceAsync()
        {
            pending ??= socket.ReceiveAsync();
            if (await Task.WhenAny(pending, Task.Delay(2000)) != pending)
            {
                return "";
            }

            var message = await pending;
            pending = null;
            return message!["payload"]!["data"]!["pieceUpdated"]!.ToJsonString();
        }

        string received;
        var open = 90;
        do
        {
            await PayAsync(reader, open--);
            received = await NextPieceAsync();
        }
        while (received == "");

        await PayAsync(writer, 40);

        string next;
        do
        {
            next = await NextPieceAsync();
        }
        while (next != "" && next != Paid(40));
        Assert.Equal(Paid(40), next);
    }

    [Fact]
    public async Task AProcessKilledBetweenCommitAndDispatch_HasItsEventsHandledAfterTheRestart_Once()
    {
        using var database = new TemporaryDatabase();
        using (var crashed = await ApiProcess.StartAsync(database.Path, "--Dso:Events:Dispatch", "false"))
        {
            var piece = (await crashed.DataAsync(Load))["upsertPieces"]!["pieces"]![0]!["id"]!.GetValue<string>();
            var status = (await crashed.DataAsync("{ statuses { id name } }"))["statuses"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Litige prix")!["id"]!.GetValue<string>();
            await crashed.DataAsync("mutation($p: [ID!]!, $s: ID!) { qualifyPieces(input: { pieceIds: $p, statusId: $s, comment: \"Prix contesté\" }) { userErrors { message } } }", new { p = new[] { piece }, s = status });
            Assert.Empty(await DisputeAlertsAsync(crashed));
            crashed.Process.Kill();
        }

        using (var restarted = await ApiProcess.StartAsync(database.Path))
        {
            Assert.Single(await WaitForDisputeAlertsAsync(restarted));
            restarted.Process.Kill();
        }

        // Killed again after handling it: the next start does not handle it a second time.
        using var again = await ApiProcess.StartAsync(database.Path);
        await Task.Delay(1500);
        var alert = Assert.Single(await DisputeAlertsAsync(again));
        Assert.Equal("F1 is disputed: Litige prix.", alert!["message"]!.GetValue<string>());
    }

    private static Task<JsonNode> PayAsync(ApiProcess api, int open) => api.DataAsync(
        $"mutation {{ upsertPieces(input: {{ pieces: [{{ type: INVOICE, number: \"F1\", clientCode: \"C1\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"{open}\" }}] }}) {{ userErrors {{ message }} }} }}");

    private static string Paid(int open) => $"{{\"number\":\"F1\",\"openAmount\":{{\"amount\":\"{open}.00\"}}}}";

    private static async Task<JsonArray> DisputeAlertsAsync(ApiProcess api) =>
        (await api.DataAsync("{ alerts(first: 10) { nodes { kind message } } }"))["alerts"]!["nodes"]!.AsArray()
            .Where(a => a!["kind"]!.GetValue<string>() == "NEW_DISPUTE").Select(a => a!.DeepClone()).Aggregate(new JsonArray(), (all, a) => { all.Add(a); return all; });

    private static async Task<JsonArray> WaitForDisputeAlertsAsync(ApiProcess api)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await DisputeAlertsAsync(api) is { Count: > 0 } alerts)
            {
                return alerts;
            }

            await Task.Delay(100);
        }

        return [];
    }
}
