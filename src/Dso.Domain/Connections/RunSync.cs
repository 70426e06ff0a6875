using System.Threading.Channels;
using Dso.Domain.Alerts;
using Dso.Domain.Imports;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dso.Domain.Connections;

/// <summary>
/// Runs a sync run this worker has claimed (<see cref="ClaimSync"/>) from its source, batch by batch through the
/// import pipeline: each batch's records are checked (a bad one is rejected with its reason, the others go on), upserted
/// by natural key, the pieces it reports settled are settled, and the run's counts and cursor commit in the same
/// transaction (with the other batches read ahead and waiting; then each batch's Committed action runs). A FULL read keeps the pieces it listed with the read and settles the others once it has ended (a read
/// that listed none settles nothing); the
/// connection's cursor moves only then. A source failure fails the run and raises SYNC_FAILED (one open alert per
/// connection). Stopped (the host shuts down), it lets its lease go: the next worker resumes it.
/// </summary>
public sealed partial class RunSync(DsoDbContext db, IServiceScopeFactory scopes, Worker worker, TimeProvider clock, ILogger<RunSync> logger)
{
    /// <summary>The most records one transaction writes when the source has several batches ready.</summary>
    public const int MaxRecordsPerCommit = 10_000;

    /// <summary>How many batches are read ahead of the writing.</summary>
    public const int ReadAhead = 4;

    public async Task<SyncRun> ExecuteAsync(long runId, ISyncSource source, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var run = await db.Set<SyncRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        var what = $"sync run {runId}";
        if (run.ClaimedBy != worker.Name || run.State != ImportJobState.Running)
        {
            throw new LeaseLostException(what);
        }

        // The lease beats from here on, while the run starts and while it awaits its source between commits.
        var lease = new Lease(worker, clock, (now, ct) => Leases.RenewAsync(db.Set<SyncRun>().Where(r => r.Id == runId), worker, now, ct), what);
        using var beating = new CancellationTokenSource();
        var beat = lease.BeatAsync(RenewApartAsync, beating.Token);
        try
        {
            return await ExecuteAsync(run, lease, source, cancellationToken);
        }
        finally
        {
            await beating.CancelAsync();
            await beat;
        }

        async Task<int> RenewApartAsync(DateTimeOffset now, CancellationToken stop)
        {
            await using var scope = scopes.CreateAsyncScope();
            var apart = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
            return await Leases.RenewAsync(apart.Set<SyncRun>().IgnoreQueryFilters().Where(r => r.Id == runId && r.State == ImportJobState.Running), worker, now, stop);
        }
    }

    private async Task<SyncRun> ExecuteAsync(SyncRun run, Lease lease, ISyncSource source, CancellationToken cancellationToken)
    {
        var runId = run.Id;
        var connection = await db.Set<ErpConnection>().AsNoTracking().SingleAsync(c => c.Id == run.ErpConnectionId, cancellationToken);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        run.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var read = new Read(run.Id, run.ReadId!.Value, run.Mode, connection, organization, lease,
            await RecordChecker.CreateAsync(db, organization.MainCurrency, organization.Today(clock), cancellationToken),
            run.Mode == SyncMode.Full ? await SeenAsync(run.ReadId.Value, cancellationToken) : new PieceIdSet());
        try
        {
            await ReadAsync(read, source.ReadAsync(run.ResumeCursor, run.Mode, cancellationToken), cancellationToken);
            return await SucceedAsync(read, cancellationToken);
        }
        catch (SyncSourceException e)
        {
            return await FailAsync(read, e.Message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            await Leases.ReleaseAsync(db.Set<SyncRun>().Where(r => r.Id == runId && r.State == ImportJobState.Running), worker, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (e is not LeaseLostException)
        {
            await FailAsync(read, $"The sync failed unexpectedly ({e.GetType().Name}); what its committed batches wrote stays.", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Raises SYNC_FAILED for the run's connection, unless one is open already or the organization turned the rule off.</summary>
    internal static async Task RaiseFailedAsync(DsoDbContext db, SyncRun run, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ListAlertRules.EnabledAsync(db, run.OrganizationId, AlertKind.SyncFailed, cancellationToken) && !await db.Alerts.IgnoreQueryFilters().AnyAsync(a => a.ErpConnectionId == run.ErpConnectionId && a.Kind == AlertKind.SyncFailed && a.AcknowledgedAt == null && a.ResolvedAt == null, cancellationToken))
        {
            var name = await db.Set<ErpConnection>().IgnoreQueryFilters().Where(c => c.Id == run.ErpConnectionId).Select(c => c.Name).SingleAsync(cancellationToken);
            db.Alerts.Add(Alert.SyncFailed(run.OrganizationId, run.ErpConnectionId, $"The sync of {name} failed: {message}", now));
        }
    }

    private async Task<PieceIdSet> SeenAsync(long readId, CancellationToken cancellationToken)
    {
        var seen = new PieceIdSet();
        await foreach (var batch in db.Set<SyncRunSeen>().AsNoTracking().Where(s => s.ReadId == readId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            seen.UnionWith(batch.Ids());
        }

        return seen;
    }

    // The source is read ahead (a few batches) while batches are written; the batches already read are written in
    // one transaction, committed once none is waiting or it holds MaxRecordsPerCommit records: a transaction is
    // never held open while the source is awaited, and a fast source is not slowed down by a commit per page.
    private async Task ReadAsync(Read read, IAsyncEnumerable<RecordBatch> source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        Exception? failure = null;
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in source.WithCancellation(stop.Token))
                    {
                        await ahead.Writer.WriteAsync(batch, stop.Token);
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    ahead.Writer.Complete();
                }
            },
            CancellationToken.None);
        try
        {
            while (await ahead.Reader.WaitToReadAsync(cancellationToken))
            {
                await WriteAvailableAsync(read, ahead.Reader, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task WriteAvailableAsync(Read read, ChannelReader<RecordBatch> ahead, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var written = new List<RecordBatch>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var pipeline = new ImportPipeline(db, read.Connection.OrganizationId, read.Connection.Source, read.Organization.MainCurrency, read.Checker.ImportDate, clock);
            var records = 0;
            while (records < MaxRecordsPerCommit && ahead.TryRead(out var batch))
            {
                await WriteAsync(read, pipeline, batch, cancellationToken);
                records += batch.Size;
                written.Add(batch);
            }

            await read.Lease.KeepAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var committed in written.Select(b => b.Committed).OfType<Func<CancellationToken, Task>>())
        {
            try
            {
                await committed(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The data is committed: a source failing to act on it (a file it could not move) fails nothing.
                LogCommittedFailed(logger, read.RunId, e);
            }
        }
    }

    private async Task WriteAsync(Read read, ImportPipeline pipeline, RecordBatch batch, CancellationToken cancellationToken)
    {
        var numbered = await db.SyncRuns.AsNoTracking().Where(r => r.Id == read.RunId).Select(r => r.RecordsRead).SingleAsync(cancellationToken);
        // Records are numbered in the read: this batch's rows, then the records its source refused.
        var rows = batch.Rows.Select((r, i) => r with { Line = numbered + i + 1 }).ToList();
        var issues = batch.Refused.Select((r, i) => r with { Line = numbered + rows.Count + i + 1 }).ToList();
        read.Checker.ForgetSeen();
        var good = rows.Where(r => read.Checker.Check(r, field => field, issues)).ToList();
        var (clients, pieces, closed) = (pipeline.ClientsWritten, pipeline.PiecesWritten, pipeline.PiecesClosed);
        await pipeline.WriteAsync(good, cancellationToken);
        await pipeline.SettleAsync(batch.Settled, cancellationToken);
        if (read.Mode == SyncMode.Full && pipeline.LastSeen.Where(read.Seen.Add).ToList() is { Count: > 0 } listed)
        {
            db.Add(new SyncRunSeen(read.Connection.OrganizationId, read.ReadId, listed));
        }

        var run = await db.SyncRuns.SingleAsync(r => r.Id == read.RunId, cancellationToken);
        run.Count(pipeline.ClientsWritten - clients, pipeline.PiecesWritten - pieces, pipeline.PiecesClosed - closed);
        db.AddRange(issues.Take(Math.Max(0, RunImport.MaxStoredErrors - run.Rejected)).Select(i => new SyncRunError(run.OrganizationId, run.Id, i.Line, i.Column, i.Message)));
        run.Advance(batch.Cursor, rows.Count(r => r.Client is not null), rows.Count(r => r.Piece is not null), rows.Count + batch.Refused.Count, issues.Count);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<SyncRun> SucceedAsync(Read read, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = 0;
        // A FULL read that listed no piece at all settles nothing: an empty read is likelier a source gone quiet
        // (a folder without a new file) than a ledger with nothing open.
        if (read.Mode == SyncMode.Full && read.Seen.Count > 0)
        {
            using var pipeline = new ImportPipeline(db, read.Connection.OrganizationId, read.Connection.Source, read.Organization.MainCurrency, read.Checker.ImportDate, clock);
            await pipeline.SettleMissingAsync(read.Seen, cancellationToken);
            closed = pipeline.PiecesClosed;
            await db.Set<SyncRunSeen>().Where(s => s.ReadId == read.ReadId).ExecuteDeleteAsync(cancellationToken);
        }

        var run = await db.Set<SyncRun>().SingleAsync(r => r.Id == read.RunId, cancellationToken);
        var connection = await db.Set<ErpConnection>().SingleAsync(c => c.Id == read.Connection.Id, cancellationToken);
        run.Count(0, 0, closed);
        run.Succeed(clock.GetUtcNow());
        connection.Finish(run.ResumeCursor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    private async Task<SyncRun> FailAsync(Read read, string message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await db.Set<SyncRun>().SingleAsync(r => r.Id == read.RunId, cancellationToken);
        var now = clock.GetUtcNow();
        run.Fail(message, now);
        await RaiseFailedAsync(db, run, message, now, cancellationToken);
        await db.Set<SyncRunSeen>().Where(s => s.ReadId == read.ReadId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    private sealed record Read(long RunId, long ReadId, SyncMode Mode, ErpConnection Connection, Organization Organization, Lease Lease, RecordChecker Checker, PieceIdSet Seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync run {RunId}: the source failed to act on a committed batch; the run goes on.")]
    private static partial void LogCommittedFailed(ILogger logger, long runId, Exception exception);
}
