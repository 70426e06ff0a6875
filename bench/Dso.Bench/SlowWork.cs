using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dso.Bench;

/// <summary>
/// With <c>DSO_BENCH_SLOW=1</c>, a benchmark's server prints each transaction held longer than 5 s (who began it and
/// its slowest statement) and each statement slower than 2 s: what a stalled load waits for.
/// </summary>
internal sealed class SlowWork : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly TimeSpan SlowTransaction = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SlowStatement = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<DbTransaction, Held> held = new();

    public static bool Enabled => Environment.GetEnvironmentVariable("DSO_BENCH_SLOW") == "1";

    public static void AddTo(WebApplicationBuilder builder)
    {
        if (Enabled)
        {
            builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, SlowWork>();
        }
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Noted(command, eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Noted(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Noted(command, eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Noted(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Noted(command, eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Noted(command, eventData, result));

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result) => Began(result);

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Began(result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "committed");

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "committed");
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, "rolled back");

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, "rolled back");
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction, $"failed ({eventData.Exception.Message})");

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction, $"failed ({eventData.Exception.Message})");
        return Task.CompletedTask;
    }

    private DbTransaction Began(DbTransaction transaction)
    {
        held[transaction] = new Held(Stopwatch.StartNew(), new StackTrace(2, false));
        return transaction;
    }

    private T Noted<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        if (command.Transaction is { } transaction && held.TryGetValue(transaction, out var owner))
        {
            owner.Statements++;
            if (eventData.Duration > owner.SlowestTime)
            {
                (owner.SlowestTime, owner.Slowest) = (eventData.Duration, command.CommandText);
            }
        }

        if (eventData.Duration > SlowStatement)
        {
            Console.Error.WriteLine($"  [slow] {DateTime.Now:HH:mm:ss} statement {eventData.Duration.TotalSeconds:N1} s: {Text(command.CommandText)}");
        }

        return result;
    }

    private void Ended(DbTransaction transaction, string how)
    {
        if (held.TryRemove(transaction, out var owner) && owner.Watch.Elapsed > SlowTransaction)
        {
            var frames = owner.Began.GetFrames().Select(f => f.GetMethod()).Where(m => m?.DeclaringType?.FullName?.StartsWith("Dso.", StringComparison.Ordinal) == true)
                .Take(4).Select(m => $"{m!.DeclaringType!.Name}.{m.Name}");
            Console.Error.WriteLine($"  [slow] {DateTime.Now:HH:mm:ss} transaction {how} after {owner.Watch.Elapsed.TotalSeconds:N1} s, {owner.Statements} statements, from {string.Join(" < ", frames)}; slowest {owner.SlowestTime.TotalSeconds:N1} s: {Text(owner.Slowest)}");
        }
    }

    private static string Text(string? sql) => sql is null ? "" : sql.Length > 300 ? sql[..300].ReplaceLineEndings(" ") : sql.ReplaceLineEndings(" ");

    private sealed class Held(Stopwatch watch, StackTrace began)
    {
        public Stopwatch Watch { get; } = watch;
        public StackTrace Began { get; } = began;
        public int Statements { get; set; }
        public TimeSpan SlowestTime { get; set; }
        public string? Slowest { get; set; }
    }
}
