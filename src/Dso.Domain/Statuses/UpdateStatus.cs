using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Statuses;

/// <summary>Renames a status or changes its follow-up delay; its category is fixed.</summary>
public sealed class UpdateStatus(DsoDbContext db)
{
    public async Task<Outcome<Status>> ExecuteAsync(long id, string? name, int? followUpDays, CancellationToken cancellationToken)
    {
        var status = await db.Statuses.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return Outcomes.Failure<Status>(UserError.NotFound("No such status.", "id"));
        }

        var errors = await StatusValidation.ValidateAsync(db, id, name ?? status.Name, followUpDays ?? status.FollowUpDays, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<Status>(errors);
        }

        status.Update(name?.Trim(), followUpDays);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(status);
    }
}
