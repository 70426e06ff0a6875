using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dso.Api.Hosting;
using Dso.Domain.Demo;
using Dso.Domain.Organizations;
using Dso.Domain.Pieces;

namespace Dso.Bench;

/// <summary>upsertPieces throughput over HTTP, then pieces(first: 100) with their clients.</summary>
internal static class ApiBenchmark
{
    public static async Task RunAsync(int[] sizes)
    {
        Console.WriteLine("| pieces | clients | upsertPieces (pieces/s) | pieces(first: 100) with clients p50 | p95 |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            Console.WriteLine(await RunAsync(size));
        }
    }

    private static async Task<string> RunAsync(int pieceCount)
    {
        var clientCount = Math.Max(100, pieceCount / 20);
        var path = Path.Combine(Path.GetTempPath(), $"dso-bench-{Guid.NewGuid():N}.db");
        await using var app = DsoApp.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Dso", $"Data Source={path}", "--Dso:Scenarios:MorningRun", "false"], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.Services.InitializeAsync();
        await app.StartAsync();
        string key;
        using (var scope = app.Services.CreateScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest("Bench SAS"), default)).Value!.ApiKey;
        }

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var generator = new DemoDataGenerator(seed: 7, today: DateOnly.FromDateTime(DateTime.UtcNow.Date));
        foreach (var chunk in Enumerable.Range(0, clientCount).Select(generator.Client).Chunk(1000))
        {
            await PostAsync(http, "mutation($c: [ClientInput!]!) { upsertClients(input: { clients: $c }) { userErrors { message } } }", new { c = chunk });
        }

        var upserts = 0;
        var load = Stopwatch.StartNew();
        foreach (var batch in DemoDataGenerator.InBatches(generator.Pieces(clientCount, pieceCount), 1000))
        {
            await PostAsync(http, "mutation($p: [PieceInput!]!) { upsertPieces(input: { pieces: $p }) { userErrors { message } } }", new { p = batch.Select(Wire) });
            upserts += batch.Count;
            if (Environment.GetEnvironmentVariable("DSO_BENCH_TRACE") == "1" || upserts % 50_000 < batch.Count)
            {
                Console.Error.WriteLine($"  {upserts:N0} upserts, {upserts / load.Elapsed.TotalSeconds:N0}/s");
            }
        }

        load.Stop();

        // What the maintenance job does every two minutes in a running API: refresh the planner statistics.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DatabaseMaintenance>().OptimizeAsync(default);
        }

        var latencies = new List<double>();
        string? cursor = null;
        for (var i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            var page = await PostAsync(http, "query($after: String) { pieces(first: 100, after: $after) { pageInfo { endCursor } nodes { number dueDate openAmount { amount currency } daysOverdue client { code name outstanding { amount } } } } }", new { after = cursor });
            watch.Stop();
            cursor = page["pieces"]!["pageInfo"]!["endCursor"]?.GetValue<string>();
            if (Environment.GetEnvironmentVariable("DSO_BENCH_TRACE") == "1")
            {
                Console.Error.WriteLine($"  page {i}: {watch.Elapsed.TotalMilliseconds:N1} ms");
            }

            if (i >= 10)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        await app.StopAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"| {pieceCount:N0} | {clientCount:N0} | {upserts / load.Elapsed.TotalSeconds:N0} ({upserts:N0} upserts in {load.Elapsed.TotalSeconds:N1} s) | {latencies[latencies.Count / 2]:N1} ms | {latencies[(int)(latencies.Count * 0.95)]:N1} ms |");
    }

    private static object Wire(PieceInput p) => new
    {
        type = p.Type switch { PieceType.CreditNote => "CREDIT_NOTE", PieceType.UnappliedPayment => "UNAPPLIED_PAYMENT", _ => "INVOICE" },
        number = p.Number,
        clientCode = p.ClientCode,
        issueDate = p.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dueDate = p.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        amount = p.Amount.ToString(CultureInfo.InvariantCulture),
        openAmount = p.OpenAmount.ToString(CultureInfo.InvariantCulture),
        balanceDate = p.BalanceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static async Task<JsonNode> PostAsync(HttpClient http, string query, object variables)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (json["errors"] is not null || json["data"]!.AsObject().First().Value?["userErrors"]?.AsArray().Count > 0)
        {
            throw new InvalidOperationException(json.ToJsonString());
        }

        return json["data"]!;
    }
}
