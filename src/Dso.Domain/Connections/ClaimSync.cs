using Dso.Domain.Alerts;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Connections;

/// <summary>
/// Claims the next sync run for this worker, with a lease. First, each run left RUNNING by a worker that stopped
/// renewing its lease (its process died) is failed as interrupted and a RESUME run of the same read is queued, from
/// its last committed cursor; a read interrupted <see cref="MaxAttempts"/> times fails for good instead. Then the
/// oldest queued run is taken. Every step is a conditional update: of several instances, one wins each row.
/// </summary>
public sealed class ClaimSync(DsoDbContext db, Worker worker, TimeProvider clock)
{
    public const int MaxAttempts = 3;

    public async Task<ClaimedSync?> ExecuteAsync(CancellationToken cancellationToken)
    {
        await ResumeInterruptedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var runs = db.Set<SyncRun>().IgnoreQueryFilters();
        foreach (var next in await runs.Where(r => r.State == ImportJobState.Queued).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.OrganizationId, r.ErpConnectionId }).Take(10).ToListAsync(cancellationToken))
        {
            if (await Leases.ClaimAsync(runs.Where(r => r.Id == next.Id && r.State == ImportJobState.Queued), worker, now, cancellationToken,
                s => s.SetProperty(r => r.State, ImportJobState.Running)) == 1)
            {
                return new ClaimedSync(next.Id, next.OrganizationId, next.ErpConnectionId);
            }
        }

        return null;
    }

    private async Task ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var runs = db.Set<SyncRun>().IgnoreQueryFilters();
        foreach (var id in await runs.Where(r => r.State == ImportJobState.Running).Where(Leases.Free<SyncRun>(now)).Select(r => r.Id).ToListAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = await runs.SingleAsync(r => r.Id == id, cancellationToken);
            var ends = run.Attempt >= MaxAttempts;
            var message = ends
                ? $"Interrupted {run.Attempt} times (the process running it stopped); the read is given up."
                : "Interrupted: the process running it stopped. A RESUME run continues from its last committed batch.";
            if (await runs.Where(r => r.Id == id && r.State == ImportJobState.Running).Where(Leases.Free<SyncRun>(now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportJobState.Failed).SetProperty(r => r.Message, message)
                    .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 0)
            {
                continue;
            }

            // The same values through the tracked run, so that its change is announced (syncRunUpdated).
            run.Fail(message, now);
            if (ends)
            {
                await RunSync.RaiseFailedAsync(db, run, message, now, cancellationToken);
            }
            else
            {
                db.Add(SyncRun.Resuming(run, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}

/// <summary>A run this worker holds the lease of.</summary>
public sealed record ClaimedSync(long RunId, long OrganizationId, long ConnectionId);
