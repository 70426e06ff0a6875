using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Connections;

/// <summary>Removes a connection and its runs (the pieces it wrote stay); refused while a run is queued or running.</summary>
public sealed class DeleteErpConnection(DsoDbContext db)
{
    public async Task<Outcome<long>> ExecuteAsync(long connectionId, CancellationToken cancellationToken)
    {
        if (!await db.ErpConnections.AnyAsync(c => c.Id == connectionId, cancellationToken))
        {
            return Outcomes.Failure<long>(UserError.NotFound("No ERP connection with this ID.", "id"));
        }

        if (await QueueSync.Unfinished(db, connectionId).AnyAsync(cancellationToken))
        {
            return Outcomes.Failure<long>(UserError.Conflict("A run of this connection is queued or running; delete it once the run has ended.", "id"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ErpConnections.Where(c => c.Id == connectionId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcomes.Success(connectionId);
    }
}
