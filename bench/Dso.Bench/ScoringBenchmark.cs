using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dso.Api.Hosting;
using Dso.Domain.Alerts;
using Dso.Domain.Persistence;
using Dso.Domain.Risk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Bench;

/// <summary>
/// The client handlers' work for one <c>upsertPieces</c> call: <see cref="ScoreClients"/> and
/// <see cref="EvaluateClientAlerts"/> over a thousand random clients of an imported export of N pieces over N/20
/// clients, each batch twice (the first time, then again, as the API's load does), with the statements' share of the
/// time (each from its command until its reader is disposed).
/// </summary>
internal static class ScoringBenchmark
{
    private const int Batches = 20;

    public static async Task RunAsync(int pieces)
    {
        var clients = Math.Max(10, pieces / 20);
        var (database, folder) = await ImportBenchmark.ImportedDatabaseAsync(pieces, clients);
        var statements = new StatementTimes();
        var app = DsoApp.Build(["--ConnectionStrings:Dso", database, "--Logging:LogLevel:Default", "Warning"],
            builder => builder.Services.AddSingleton<IInterceptor>(statements));
        await app.Services.InitializeAsync();
        long organization;
        long[] ids;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
            organization = await db.Organizations.IgnoreQueryFilters().Select(o => o.Id).SingleAsync();
            ids = await db.Clients.IgnoreQueryFilters().Select(c => c.Id).ToArrayAsync();
        }

        var random = new Random(7);
        var batches = Enumerable.Range(0, Batches).Select(_ => random.GetItems(ids, ScoreClients.ChunkSize).Distinct().ToArray()).ToArray();
        var handlers = new (string Name, Func<IServiceProvider, long[], Task> Work)[]
        {
            ("risk scores (`ScoreClients`)", (sp, batch) => sp.GetRequiredService<ScoreClients>().ExecuteAsync(batch, default)),
            ("client alerts (`EvaluateClientAlerts`)", (sp, batch) => sp.GetRequiredService<EvaluateClientAlerts>().ExecuteAsync(batch, default)),
        };
        var rows = new List<string>();
        var profiles = new List<string>();
        foreach (var (name, work) in handlers)
        {
            var first = await TimeAsync(app.Services, organization, batches, work);
            statements.Clear();
            var again = await TimeAsync(app.Services, organization, batches, work);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {pieces:N0} | {clients:N0} | {name} | {first:N0} ms | {again:N0} ms | {statements.Totals().Sum(t => t.Total.TotalMilliseconds) / Batches:N0} ms |"));
            profiles.AddRange(statements.Totals().OrderByDescending(s => s.Total).Take(6)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"| {name} | `{s.Sql}` | {s.Total.TotalMilliseconds / Batches:N1} ms |")));
        }

        Console.WriteLine($"| pieces | clients | a batch of {ScoreClients.ChunkSize:N0} random clients | first time p50 | again p50 | statements, again (mean) |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("| handler | statement (again) | time per batch |");
        Console.WriteLine("|---|---|---:|");
        profiles.ForEach(Console.WriteLine);

        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("DSO_BENCH_KEEP") == "1")
        {
            Console.Error.WriteLine($"  kept {folder}");
            return;
        }

        Directory.Delete(folder, recursive: true);
    }

    // The median time of scoring each batch, each in a scope of its own as the handler does.
    private static async Task<double> TimeAsync(IServiceProvider services, long organization, long[][] batches, Func<IServiceProvider, long[], Task> work)
    {
        var times = new List<double>();
        foreach (var batch in batches)
        {
            var watch = Stopwatch.StartNew();
            await BenchServer.InScopeAsync(services, organization, sp => work(sp, batch));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    // Each statement's total time, by its text up to its WHERE.
    private sealed class StatementTimes : DbCommandInterceptor
    {
        private readonly ConcurrentDictionary<string, TimeSpan> totals = new();
        private readonly ConcurrentDictionary<DbCommand, long> started = new();

        public void Clear() => totals.Clear();

        public IEnumerable<(string Sql, TimeSpan Total)> Totals() => totals.Select(t => (t.Key, t.Value));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            started[command] = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        // A reader's time runs from its command until it is disposed, its rows read and materialized.
        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (started.TryRemove(command, out var start))
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                totals.AddOrUpdate(Key(command.CommandText), elapsed, (_, t) => t + elapsed);
            }

            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            totals.AddOrUpdate(Key(command.CommandText), eventData.Duration, (_, t) => t + eventData.Duration);
            return ValueTask.FromResult(result);
        }

        private static string Key(string sql)
        {
            var text = string.Join(' ', sql.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));
            var from = text.IndexOf(" FROM ", StringComparison.Ordinal);
            var cut = from > 0 ? text.IndexOf(" WHERE ", from, StringComparison.Ordinal) : -1;
            return cut > 0 ? text[..Math.Min(cut, 140)] + " …" : text.Length > 140 ? text[..140] + " …" : text;
        }
    }
}
