using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dso.Api.Hosting;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Demo;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.Data.Sqlite;

namespace Dso.Bench;

/// <summary>
/// agedBalance and dso(months: 12) over GraphQL on N pieces with two years of payment history, side by
/// side with hand-written SQL computing the same numbers on the same SQLite file.
/// </summary>
internal static class ReportsBenchmark
{
    private const int Runs = 15;

    public static async Task RunAsync(int pieceCount)
    {
        var clientCount = Math.Max(100, pieceCount / 20);
        var path = Path.Combine(Path.GetTempPath(), $"dso-reports-bench-{Guid.NewGuid():N}.db");
        await using var app = await BenchServer.StartAsync($"Data Source={path}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.Date);
        var (organizationId, key) = await LoadAsync(app.Services, today, clientCount, pieceCount);

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await using var sqlite = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await sqlite.OpenAsync();

        var agedApi = await TimeAsync(() => PostAsync(http, "{ reports { agedBalance { total { amount } overdue { amount } buckets { amount { amount } count } } } }"));
        var agedSql = await TimeAsync(() => HandWritten.AgedBalanceAsync(sqlite, organizationId, today));
        var dsoApi = await TimeAsync(() => PostAsync(http, "{ reports { dso(months: 12) { days history { month days } } } }"));
        var dsoSql = await TimeAsync(() => HandWritten.DsoAsync(sqlite, organizationId, today));
        Console.Error.WriteLine($"  aged balance: {agedApi.Result}\n  hand-written: {agedSql.Result}\n  dso: {dsoApi.Result}\n  hand-written: {dsoSql.Result}");
        if (Normalize(agedApi.Result) != agedSql.Result || Normalize(dsoApi.Result) != dsoSql.Result)
        {
            throw new InvalidOperationException("The API and the hand-written SQL disagree.");
        }

        Console.WriteLine("| pieces | balance events | report | GraphQL p50 | hand-written SQL p50 | ratio |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|");
        var events = new SqliteCommand("SELECT COUNT(*) FROM BalanceEvents", sqlite).ExecuteScalar();
        foreach (var (name, api, sql) in new[] { ("agedBalance", agedApi.Median, agedSql.Median), ("dso(months: 12)", dsoApi.Median, dsoSql.Median) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {pieceCount:N0} | {events:N0} | {name} | {api:N0} ms | {sql:N0} ms | {api / sql:N2} |"));
        }

        await app.StopAsync();
        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("DSO_BENCH_KEEP") == "1")
        {
            Console.Error.WriteLine($"  kept {path}");
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    // Two years of invoices, credit notes and payments through the domain's own upserts, in date order.
    private static async Task<(long Organization, string Key)> LoadAsync(IServiceProvider services, DateOnly today, int clientCount, int pieceCount)
    {
        CreatedOrganization created;
        using (var scope = services.CreateScope())
        {
            created = (await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest("Bench SAS"), default)).Value!;
        }

        var generator = new DemoDataGenerator(seed: 5, today, months: 24);
        async Task RunAsync(Func<IServiceProvider, Task> work)
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(created.Organization.Id);
            await work(scope.ServiceProvider);
        }

        foreach (var chunk in Enumerable.Range(0, clientCount).Select(generator.Client).Chunk(1000))
        {
            await RunAsync(sp => sp.GetRequiredService<UpsertClients>().ExecuteAsync(chunk, default));
        }

        var load = Stopwatch.StartNew();
        var upserts = 0;
        foreach (var batch in DemoDataGenerator.InBatches(generator.Pieces(clientCount, pieceCount), UpsertPieces.MaxBatch))
        {
            await RunAsync(sp => sp.GetRequiredService<UpsertPieces>().ExecuteAsync(batch, default));
            upserts += batch.Count;
            if (upserts % 100_000 < batch.Count)
            {
                Console.Error.WriteLine($"  {upserts:N0} upserts in {load.Elapsed.TotalSeconds:N0} s");
            }
        }

        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMaintenance>().OptimizeAsync(default);
        }

        return (created.Organization.Id, created.ApiKey);
    }

    private static async Task<(string Result, double Median)> TimeAsync(Func<Task<string>> run)
    {
        var result = await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (result, times[Runs / 2]);
    }

    private static async Task<string> PostAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["errors"] is null ? json["data"]!["reports"]!.ToJsonString() : throw new InvalidOperationException(json.ToJsonString());
    }

    // The API's JSON reduced to the figures the hand-written queries print.
    private static string Normalize(string json)
    {
        var report = JsonNode.Parse(json)!.AsObject().Single().Value!;
        return report["buckets"] is { } buckets
            ? string.Join(' ', [Amount(report["total"]), Amount(report["overdue"]), .. buckets.AsArray().Select(b => $"{Amount(b!["amount"])}/{b["count"]}")])
            : string.Join(' ', [report["days"]!.GetValue<string>(), .. report["history"]!.AsArray().Select(p => p!["days"]!.GetValue<string>())]);
    }

    private static string Amount(JsonNode? money) => money!["amount"]!.GetValue<string>();
}
