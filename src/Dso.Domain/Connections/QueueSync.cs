using Dso.Domain.Common;
using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Connections;

/// <summary>
/// Queues a run of a connection, in its mode unless told otherwise: an INCREMENTAL run starts from the connection's
/// cursor, a FULL one from the beginning. Runs of a connection never overlap: while one is queued or running another
/// is a CONFLICT (a unique index on the unfinished run of a connection holds this across instances too).
/// </summary>
public sealed class QueueSync(DsoDbContext db, TimeProvider clock)
{
    public Task<Outcome<SyncRun>> ExecuteAsync(long connectionId, SyncTrigger trigger, SyncMode? mode, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async () =>
            {
                if (await db.Set<ErpConnection>().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken) is not { } connection)
                {
                    return Outcomes.Failure<SyncRun>(UserError.NotFound("No ERP connection with this ID.", "id"));
                }

                if (await Unfinished(db, connectionId).AnyAsync(cancellationToken))
                {
                    return Outcomes.Failure<SyncRun>(UserError.Conflict("A run of this connection is already queued or running; wait for it to end.", "id"));
                }

                var run = SyncRun.Of(connection, mode ?? connection.Mode, trigger, clock.GetUtcNow());
                db.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                return Outcomes.Success(run);
            },
            cancellationToken);

    internal static IQueryable<SyncRun> Unfinished(DsoDbContext db, long connectionId) =>
        db.Set<SyncRun>().IgnoreQueryFilters().Where(r => r.ErpConnectionId == connectionId && (r.State == ImportJobState.Queued || r.State == ImportJobState.Running));
}
