using System.Globalization;
using System.Text.Json.Nodes;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Connections;

/// <summary>A sync run by a real server process killed with SIGKILL mid-read, and resumed by the next one.</summary>
public class SyncProcessTests
{
    private const int Clients = 50;
    private const int Pieces = 2000;

    [Fact]
    public async Task AFullSyncKilledMidRead_IsFailedAsInterruptedAndResumed_EndingWithExactlyTheErpsOpenItems_NoneTwice()
    {
        using var database = new TemporaryDatabase();
        // The ERP lists ten more invoices at first; they are paid before the second read, which must close them.
        await using var erp = await FakeRecordsErp.StartAsync(Clients, Pieces + 10);
        string connection;
        using (var first = await ApiProcess.StartAsync(database.Path, "--Dso:Work:LeaseDuration", "00:00:02"))
        {
            var created = await first.DataAsync("""
                mutation($input: CreateErpConnectionInput!) { createErpConnection(input: $input) { erpConnection { id } userErrors { message } } }
                """, new { input = new { pluginId = "test-http", name = "ERP", mode = "FULL", settings = new { baseUrl = erp.Server.BaseAddress.ToString(), token = FakeRecordsErp.Token, pageSize = 50 } } });
            connection = created["createErpConnection"]!["erpConnection"]!["id"]!.GetValue<string>();
            var full = await WaitAsync(first, await RunAsync(first, connection), _ => false);
            Assert.True(full["state"]!.GetValue<string>() == "SUCCEEDED", full.ToJsonString());

            (erp.Pieces, erp.Delay) = (Pieces, TimeSpan.FromMilliseconds(100));
            var run = await RunAsync(first, connection);
            var reading = await WaitAsync(first, run, r => r["piecesRead"]!.GetValue<int>() >= 500);
            Assert.True(reading["state"]!.GetValue<string>() == "RUNNING", reading.ToJsonString());
            first.Process.Kill();
        }

        using var second = await ApiProcess.StartAsync(database.Path, "--Dso:Work:LeaseDuration", "00:00:02");
        JsonNode runs;
        for (var attempt = 0; ; attempt++)
        {
            runs = (await second.DataAsync("query($id: ID!) { node(id: $id) { ... on ErpConnection { runs(first: 5) { nodes { state trigger message piecesRead piecesUpserted piecesClosed } } } } }", new { id = connection }))["node"]!["runs"]!["nodes"]!;
            if (runs[0]!["trigger"]!.GetValue<string>() == "RESUME" && runs[0]!["state"]!.GetValue<string>() is "SUCCEEDED" or "FAILED" || attempt == 600)
            {
                break;
            }

            await Task.Delay(100);
        }

        var (resumed, interrupted) = (runs[0]!, runs[1]!);
        Assert.Equal(("RESUME", "SUCCEEDED", 10), (resumed["trigger"]!.GetValue<string>(), resumed["state"]!.GetValue<string>(), resumed["piecesClosed"]!.GetValue<int>()));
        Assert.Equal("FAILED", interrupted["state"]!.GetValue<string>());
        Assert.StartsWith("Interrupted", interrupted["message"]!.GetValue<string>(), StringComparison.Ordinal);
        // The resumed read went on from the interrupted one's last cursor: it did not read everything again.
        Assert.True(resumed["piecesRead"]!.GetValue<int>() < Pieces, resumed.ToJsonString());
        var totals = await second.DataAsync("{ pieces(filter: { open: true }) { totalCount } reports { agedBalance { total { amount } } } }");
        Assert.Equal(Pieces, totals["pieces"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(erp.OpenTotal, decimal.Parse(totals["reports"]!["agedBalance"]!["total"]!["amount"]!.ToString(), CultureInfo.InvariantCulture));
        // Written once: one balance a day per piece (the paid ones settled the same day), nothing repeated by the resumption.
        Assert.Equal((Pieces + 10).ToString(CultureInfo.InvariantCulture), await SqliteFile.ScalarAsync(database.Path, "SELECT COUNT(*) FROM BalanceEvents"));
        Assert.Equal("0", await SqliteFile.ScalarAsync(database.Path, "SELECT COUNT(*) FROM SyncRunSeen"));
    }

    private static async Task<string> RunAsync(ApiProcess api, string connection) =>
        (await api.DataAsync("mutation($id: ID!) { runErpConnection(id: $id) { run { id } userErrors { message } } }", new { id = connection }))["runErpConnection"]!["run"]!["id"]!.GetValue<string>();

    private static async Task<JsonNode> WaitAsync(ApiProcess api, string run, Func<JsonNode, bool> enough)
    {
        for (var attempt = 0; ; attempt++)
        {
            var node = (await api.DataAsync("query($id: ID!) { node(id: $id) { ... on SyncRun { state message piecesRead } } }", new { id = run }))["node"]!;
            if (enough(node) || node["state"]!.GetValue<string>() is not ("QUEUED" or "RUNNING") || attempt == 600)
            {
                return node;
            }

            await Task.Delay(50);
        }
    }
}
