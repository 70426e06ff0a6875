using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Connections;

/// <summary>
/// Queues a SCHEDULE run of every enabled connection whose <see cref="ErpConnection.NextRunAt"/> has come, and plans
/// its next one. Moving a connection's next run is a conditional update, so of several instances one queues it; a
/// connection with a run still queued or running is skipped this time, not queued twice. Returns how many it queued.
/// </summary>
public sealed class ScheduleSyncs(DsoDbContext db, TimeProvider clock)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connections = db.Set<ErpConnection>().IgnoreQueryFilters();
        var due = await connections.Where(c => c.Enabled && c.NextRunAt <= now)
            .Join(db.Organizations.IgnoreQueryFilters(), c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, c.NextRunAt, c.Schedule, o.TimeZone })
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var connection in due)
        {
            var next = SyncSchedule.Next(connection.Schedule, connection.TimeZone, now);
            if (await connections.Where(c => c.Id == connection.Id && c.NextRunAt == connection.NextRunAt)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextRunAt, next), cancellationToken) == 1)
            {
                queued += await QueueAsync(connection.Id, cancellationToken) ? 1 : 0;
            }
        }

        return queued;
    }

    private async Task<bool> QueueAsync(long connectionId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var connection = await db.Set<ErpConnection>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == connectionId, cancellationToken);
        if (await QueueSync.Unfinished(db, connectionId).AnyAsync(cancellationToken))
        {
            return false;
        }

        db.Add(SyncRun.Of(connection, connection.Mode, SyncTrigger.Schedule, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance queued one meanwhile (the index on a connection's unfinished run refused this one).
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
