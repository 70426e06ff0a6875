using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dso.Api.Hosting;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Bench;

/// <summary>
/// The morning run over N pieces and N/10 clients (imported, a year of invoices, all due), run again with
/// nothing new, then agenda(first: 50) over GraphQL for one collector holding 2 000 clients.
/// </summary>
internal static class ScenarioBenchmark
{
    public static async Task RunAsync(int pieceCount)
    {
        var clientCount = pieceCount / 10;
        var (database, folder) = await ImportBenchmark.ImportedDatabaseAsync(pieceCount, clientCount);
        await using var app = await BenchServer.StartAsync(database);

        long organization;
        string collectorKey;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
            organization = await db.Organizations.IgnoreQueryFilters().Select(o => o.Id).SingleAsync();
            collectorKey = (await scope.ServiceProvider.GetRequiredService<CreateApiKey>().ExecuteAsync(organization, Role.Collector, default)).Value!;
        }

        await BenchServer.InScopeAsync(app.Services, organization, async sp =>
        {
            await sp.GetRequiredService<CreateScenario>().ExecuteAsync(new ScenarioInput("Standard", true,
                [new(-5, Channel.Email, null, null, true), new(5, Channel.Email, null, null, true), new(15, Channel.Email, null, null, true),
                 new(30, Channel.Call, null, null, false), new(45, Channel.Letter, null, null, false)]), default);
        });
        await BenchServer.InScopeAsync(app.Services, organization, async sp =>
        {
            var db = sp.GetRequiredService<DsoDbContext>();
            var collector = await db.Users.Where(u => (u.Roles & Role.Collector) != 0).Select(u => u.Id).SingleAsync();
            var clients = await db.Clients.OrderBy(c => c.Id).Take(2000).Select(c => (long?)c.Id).ToListAsync();
            foreach (var chunk in clients.Chunk(AssignClients.MaxClients))
            {
                await sp.GetRequiredService<AssignClients>().ExecuteAsync(collector, chunk, unassign: false, default);
            }
        });

        var first = await TimeRunAsync(app.Services, organization);
        var again = await TimeRunAsync(app.Services, organization);

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", collectorKey);
        var latencies = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ agenda(first: 50) { nodes { id dueDate channel client { code } } } }" });
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            watch.Stop();
            if (json["errors"] is not null || json["data"]!["agenda"]!["nodes"]!.AsArray().Count != 50)
            {
                throw new InvalidOperationException(json.ToJsonString());
            }

            if (i >= 10)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        Console.WriteLine("| pieces | clients | morning run | actions planned / steps skipped | second run (nothing new) | agenda(first: 50), 2 000 clients, p50 | p95 |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {pieceCount:N0} | {clientCount:N0} | {first.Seconds:N1} s | {first.Run.PlannedActionIds.Count:N0} / {first.Run.SkippedSteps:N0} | {again.Seconds:N1} s | {latencies[latencies.Count / 2]:N1} ms | {latencies[(int)(latencies.Count * 0.95)]:N1} ms |"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("DSO_BENCH_KEEP") == "1")
        {
            Console.Error.WriteLine($"  kept {folder}");
            return;
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(double Seconds, ScenarioRun Run)> TimeRunAsync(IServiceProvider services, long organization)
    {
        var watch = Stopwatch.StartNew();
        ScenarioRun? run = null;
        await BenchServer.InScopeAsync(services, organization, async sp => run = (await sp.GetRequiredService<RunScenarios>().ExecuteAsync(null, default)).Value);
        return (watch.Elapsed.TotalSeconds, run!);
    }
}
