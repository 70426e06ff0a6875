using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dso.Connectors.Abstractions;
using Dso.Domain.Clients;
using Dso.Domain.Connections;
using Dso.Domain.Imports;
using Dso.Domain.Pieces;
using DomainPieceKey = Dso.Domain.Imports.PieceKey;
using DomainSyncMode = Dso.Domain.Connections.SyncMode;

namespace Dso.Api.Plugins;

/// <summary>
/// A plug-in's read as the source of a sync, guarded: every wait for its next batch runs off the caller's thread
/// and is bounded in time (<see cref="PluginOptions.CallTimeout"/>) and in the memory the host gains meanwhile
/// (<see cref="PluginOptions.MaxMemoryGrowthBytes"/>), so a plug-in that hangs, blocks, ignores cancellation or
/// hoards memory is stopped, fails its run and is abandoned; a transient error is retried from the last cursor, after the plug-in's
/// <c>Retry-After</c> or a growing back-off; any other error fails the run with words. Records become the pipeline's
/// inputs here; a record missing what it must have is rejected with its reason, the others go on.
/// </summary>
public sealed class PluginSyncSource(LoadedConnector plugin, ConnectorContext context, PluginOptions options, TimeProvider clock) : ISyncSource
{
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<RecordBatch> ReadAsync(string? cursor, DomainSyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (position, failures) = (cursor, 0);
        while (true)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reader = new Reader(plugin, context, position, (Dso.Connectors.Abstractions.SyncMode)mode, stop, options);
            try
            {
                while (true)
                {
                    var (batch, error) = await reader.NextAsync(options.CallTimeout, cancellationToken);
                    if (error is ConnectorException { Kind: ConnectorErrorKind.Transient } transient && ++failures < options.MaxAttempts)
                    {
                        await Task.Delay(transient.RetryAfter ?? Backoff(failures), clock, cancellationToken);
                        break;
                    }

                    if (error is not null)
                    {
                        throw Failure(error, failures);
                    }

                    if (batch is null)
                    {
                        yield break;
                    }

                    failures = 0;
                    var records = Convert(batch);
                    position = batch.Cursor ?? position;
                    yield return records;
                }
            }
            finally
            {
                await reader.DisposeAsync();
            }
        }
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures - 1)));

    private SyncSourceException Failure(Exception error, int failures) => error switch
    {
        ConnectorException { Kind: ConnectorErrorKind.Transient } e => new($"{plugin.Manifest.Id} failed {failures} times in a row with a transient error; the last: {e.Message}", e),
        ConnectorException { Kind: ConnectorErrorKind.Authentication } e => new($"{plugin.Manifest.Id} could not log in: {e.Message}", e),
        ConnectorException { Kind: ConnectorErrorKind.Configuration } e => new($"{plugin.Manifest.Id} is not configured right: {e.Message}", e),
        ConnectorException e => new($"{plugin.Manifest.Id} refused a record and stopped: {e.Message}", e),
        TimeoutException or InsufficientMemoryException => new($"{plugin.Manifest.Id} {error.Message}", error),
        _ => new($"{plugin.Manifest.Id} failed: {error.GetType().Name}: {error.Message}", error),
    };

    private RecordBatch Convert(ConnectorBatch batch)
    {
        var count = (batch.Clients?.Count ?? 0) + (batch.Pieces?.Count ?? 0) + (batch.Settled?.Count ?? 0) + (batch.Rejected?.Count ?? 0);
        if (count > options.MaxBatchRecords)
        {
            throw new SyncSourceException($"{plugin.Manifest.Id} sent a batch of {count} records; a batch may hold {options.MaxBatchRecords} at most.");
        }

        var rows = new List<ImportRow>();
        var refused = new List<RowIssue>();
        foreach (var client in batch.Clients ?? [])
        {
            if (client is null || string.IsNullOrWhiteSpace(client.Code))
            {
                refused.Add(new RowIssue(0, "clientCode", "A client record has no code."));
                continue;
            }

            var contacts = client.Email is { Length: > 0 } email ? new[] { new ContactInput(null, email, null, client.Language, true) } : null;
            var address = client.Address is { } a ? new PostalAddressInput(a.Line1, a.Line2, a.PostalCode, a.City, a.Country) : null;
            rows.Add(new ImportRow(0, new ClientInput(client.Code, client.Name ?? client.Code, client.LegalId, client.VatNumber, client.Currency, client.Language, client.CreditLimit, contacts, address, client.CreditLimitReviewDate), null));
        }

        foreach (var piece in batch.Pieces ?? [])
        {
            if (piece is null || string.IsNullOrWhiteSpace(piece.Number) || string.IsNullOrWhiteSpace(piece.ClientCode) || !Enum.IsDefined(piece.Type))
            {
                refused.Add(new RowIssue(0, "number", $"A piece record has no number, no client code or an unknown type ({piece?.Number ?? "no number"})."));
                continue;
            }

            rows.Add(new ImportRow(0, null, new PieceInput(
                Enum.Parse<PieceType>(piece.Type.ToString()), piece.Number, piece.ClientCode, piece.IssueDate, piece.DueDate, piece.Amount, piece.OpenAmount, string.IsNullOrWhiteSpace(piece.Currency) ? null : piece.Currency, piece.BalanceDate)));
        }

        refused.AddRange((batch.Rejected ?? []).Select(r => new RowIssue(0, null, $"{r?.Reference}: {r?.Reason}")));
        var settled = (batch.Settled ?? []).Where(k => k is not null && !string.IsNullOrWhiteSpace(k.Number) && Enum.IsDefined(k.Type))
            .Select(k => new DomainPieceKey(Enum.Parse<PieceType>(k.Type.ToString()), k.Number)).ToList();
        return new RecordBatch(rows, settled, refused, batch.Cursor) { Committed = batch.Committed };
    }

    // One read of the plug-in: each step on the thread pool, bounded in time, its exceptions caught as values.
    private sealed class Reader(LoadedConnector plugin, ConnectorContext context, string? cursor, Dso.Connectors.Abstractions.SyncMode mode, CancellationTokenSource stop, PluginOptions limits) : IAsyncDisposable
    {
        private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);
        private readonly long baseline = GC.GetTotalMemory(forceFullCollection: false);
        private IAsyncEnumerator<ConnectorBatch>? enumerator;
        private Task? pending;

        public async Task<(ConnectorBatch? Batch, Exception? Error)> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var step = Task.Run(
                async () =>
                {
                    enumerator ??= plugin.Create().ReadAsync(context, cursor, mode, stop.Token).GetAsyncEnumerator(stop.Token);
                    return await enumerator.MoveNextAsync() ? enumerator.Current ?? throw new InvalidOperationException("the plug-in yielded a null batch.") : null;
                },
                CancellationToken.None);
            pending = step;
            try
            {
                var waited = Stopwatch.StartNew();
                while (!step.IsCompleted)
                {
                    await Task.WhenAny(step, Task.Delay(WatchInterval, cancellationToken));
                    cancellationToken.ThrowIfCancellationRequested();
                    if (GC.GetTotalMemory(forceFullCollection: false) - baseline > limits.MaxMemoryGrowthBytes)
                    {
                        await stop.CancelAsync();
                        return (null, new InsufficientMemoryException($"took the host's memory over {limits.MaxMemoryGrowthBytes / (1 << 20)} MiB more than when its read began, and was stopped."));
                    }

                    if (waited.Elapsed > timeout && !step.IsCompleted)
                    {
                        await stop.CancelAsync();
                        return (null, new TimeoutException($"gave no batch within {timeout} and was stopped."));
                    }
                }

                return (await step, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: the plug-in is told, and given a moment to stop.
                await stop.CancelAsync();
                await Task.WhenAny(step, Task.Delay(CancellationGrace, CancellationToken.None));
                throw;
            }
            catch (Exception e)
            {
                return (null, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (pending is { IsCompleted: false })
            {
                // A plug-in still busy (hung, deaf to cancellation) is abandoned, never awaited.
                return;
            }

            try
            {
                if (enumerator is not null)
                {
                    await enumerator.DisposeAsync().AsTask().WaitAsync(CancellationGrace);
                }
            }
            catch (Exception)
            {
                // The read is over either way; a plug-in failing to clean up is no failure of the run.
            }
        }
    }
}
