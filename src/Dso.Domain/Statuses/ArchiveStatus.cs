using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Statuses;

/// <summary>Hides a status from new qualifications; pieces that carry it keep it, and so does history.</summary>
public sealed class ArchiveStatus(DsoDbContext db)
{
    public async Task<Outcome<Status>> ExecuteAsync(long id, CancellationToken cancellationToken)
    {
        var status = await db.Statuses.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return Outcomes.Failure<Status>(UserError.NotFound("No such status.", "id"));
        }

        status.Archive();
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(status);
    }
}
