using Dso.Domain.Persistence;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>
/// Claims an import job for this worker, with a lease: the oldest queued one, or one whose worker's lease lapsed
/// (it died or lost the database: the job is taken over, and counted as interrupted), or a given one (the command
/// line runs its own upload). The server and the command line claim the same way, so a job runs once.
/// </summary>
public sealed class ClaimImport(DsoDbContext db, Worker worker, TimeProvider clock)
{
    /// <summary>A job interrupted this many times fails instead of running again (a file that kills its process, say).</summary>
    public const int MaxInterruptions = 3;

    public async Task<ClaimedImport?> ExecuteAsync(long? jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var jobs = db.Set<ImportJob>().IgnoreQueryFilters();
        var waiting = jobs.Where(j => j.State == ImportJobState.Queued || j.State == ImportJobState.Running).Where(Leases.Free<ImportJob>(now));
        if (jobId is { } id)
        {
            waiting = waiting.Where(j => j.Id == id);
        }

        foreach (var next in await waiting.OrderBy(j => j.Id).Select(j => new { j.Id, j.OrganizationId, j.State }).Take(10).ToListAsync(cancellationToken))
        {
            var takenOver = next.State == ImportJobState.Running ? 1 : 0;
            var claimed = await Leases.ClaimAsync(jobs.Where(j => j.Id == next.Id && j.State == next.State), worker, now, cancellationToken,
                s => s.SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.Interruptions, j => j.Interruptions + takenOver));
            if (claimed == 1)
            {
                return new ClaimedImport(next.Id, next.OrganizationId, takenOver == 1);
            }
        }

        return null;
    }

    /// <summary>Puts a job this worker stopped running back in the queue, for any worker to take at once.</summary>
    internal static Task GiveBackAsync(DsoDbContext db, long jobId, Worker worker)
    {
        db.ChangeTracker.Clear();
        return Leases.ReleaseAsync(db.Set<ImportJob>().IgnoreQueryFilters().Where(j => j.Id == jobId && j.State == ImportJobState.Running), worker,
            CancellationToken.None, s => s.SetProperty(j => j.State, ImportJobState.Queued));
    }
}
