using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Dso.Api.GraphQL.Transport;
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
        var rates = new List<(int Size, double Upserts)>();
        foreach (var size in sizes)
        {
            var (row, upserts) = await RunAsync(size);
            Console.WriteLine(row);
            rates.Add((size, upserts));
        }

        // Beside the file import of as many pieces over as many clients, on the same machine, one after the other.
        Console.WriteLine();
        Console.WriteLine("| pieces | upsertPieces (upserts/s) | file import (rows/s) | upsertPieces ÷ file import |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var (size, upserts) in rates)
        {
            var imported = await ImportBenchmark.RowsPerSecondAsync(size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {upserts:N0} | {imported:N0} | {upserts / imported:N2} |"));
        }
    }

    private const string PageQuery =
        "query($after: String) { pieces(first: 100, after: $after) { pageInfo { endCursor } nodes { number dueDate openAmount { amount currency } daysOverdue client { code name outstanding { amount } } } } }";

    private static async Task<(string Row, double UpsertsPerSecond)> RunAsync(int pieceCount)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dso-bench-{Guid.NewGuid():N}.db");
        await using var app = await BenchServer.StartAsync($"Data Source={path}");
        using var http = await ClientAsync(app);
        var (upserts, load) = await LoadAsync(app, http, pieceCount);
        var latencies = (await PagesAsync([http], 60, warmUp: 10))[0];
        await app.StopAsync();
        Delete(path);
        return (string.Create(CultureInfo.InvariantCulture,
            $"| {pieceCount:N0} | {Math.Max(100, pieceCount / 20):N0} | {upserts / load.TotalSeconds:N0} ({upserts:N0} upserts in {load.TotalSeconds:N1} s) | {Percentile(latencies, 0.5):N1} ms | {Percentile(latencies, 0.95):N1} ms |"),
            upserts / load.TotalSeconds);
    }

    /// <summary>
    /// The same pages from two servers on one file, one with the authorization, depth and cost checks and one
    /// without them (only the authentication check), in alternation so that both see the same caches and the
    /// same machine load.
    /// </summary>
    public static async Task RunLimitsAsync(int pieceCount)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dso-bench-{Guid.NewGuid():N}.db");
        await using var checking = await BenchServer.StartAsync($"Data Source={path}");
        using var checkingHttp = await ClientAsync(checking);
        await LoadAsync(checking, checkingHttp, pieceCount);
        await using var plain = await BenchServer.StartAsync($"Data Source={path}",
            b => b.Services.AddSingleton(new RequestRules(Dso.Api.GraphQL.Authorization.AuthenticatedRule.Instance)));
        using var plainHttp = new HttpClient { BaseAddress = new Uri(plain.Urls.First()) };
        plainHttp.DefaultRequestHeaders.Authorization = checkingHttp.DefaultRequestHeaders.Authorization;

        var latencies = await PagesAsync([checkingHttp, plainHttp], 400, warmUp: 50);
        await checking.StopAsync();
        await plain.StopAsync();
        Delete(path);
        Console.WriteLine("| pieces | pieces(first: 100) with clients, checks on, p50 | checks off, p50 | on ÷ off | p95 on | p95 off |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {pieceCount:N0} | {Percentile(latencies[0], 0.5):N2} ms | {Percentile(latencies[1], 0.5):N2} ms | {Percentile(latencies[0], 0.5) / Percentile(latencies[1], 0.5):N3} | {Percentile(latencies[0], 0.95):N2} ms | {Percentile(latencies[1], 0.95):N2} ms |"));
    }

    /// <summary>A client with a new organization's admin key.</summary>
    private static async Task<HttpClient> ClientAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var key = (await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest("Bench SAS"), default)).Value!.ApiKey;
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>Generated receivables through upsertClients and upsertPieces, 1 000 a call; then fresh planner statistics.</summary>
    private static async Task<(int Upserts, TimeSpan Elapsed)> LoadAsync(WebApplication app, HttpClient http, int pieceCount)
    {
        var clientCount = Math.Max(100, pieceCount / 20);
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
        await HandlersCaughtUpAsync(app);

        // What the maintenance job does every two minutes in a running API: refresh the planner statistics.
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DatabaseMaintenance>().OptimizeAsync(default);
        return (upserts, load.Elapsed);
    }

    /// <summary>
    /// Waits for the event handlers (risk scores, alerts, webhooks) to reach the last event of the load, so that the
    /// pages are timed on a server at rest rather than beside the handlers' backlog; prints how long that took.
    /// </summary>
    private static async Task HandlersCaughtUpAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>();
        var handlers = scope.ServiceProvider.GetServices<Dso.Domain.Events.IEventProcessor>().Count();
        var last = await db.Events.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id) ?? 0;
        var watch = Stopwatch.StartNew();
        while (await db.EventConsumers.AsNoTracking().CountAsync(c => c.Position >= last) < handlers && watch.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(200);
        }

        Console.Error.WriteLine($"  event handlers caught up {watch.Elapsed.TotalSeconds:N1} s after the load");
    }

    /// <summary>Pages through the pieces, asking each client in turn for every page; the latencies of each client after the warm-up.</summary>
    private static async Task<List<double>[]> PagesAsync(HttpClient[] clients, int pages, int warmUp)
    {
        var latencies = clients.Select(_ => new List<double>()).ToArray();
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            for (var c = 0; c < clients.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                var page = await PostAsync(clients[c], PageQuery, new { after = cursor });
                watch.Stop();
                if (c == clients.Length - 1)
                {
                    cursor = page["pieces"]!["pageInfo"]!["endCursor"]?.GetValue<string>();
                }

                if (i >= warmUp)
                {
                    latencies[c].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return latencies;
    }

    private static double Percentile(List<double> values, double rank)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)(sorted.Count * rank)];
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
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
