using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Statuses;

/// <summary>Adds a status to one of the five categories.</summary>
public sealed class CreateStatus(DsoDbContext db)
{
    public async Task<Outcome<Status>> ExecuteAsync(string name, StatusCategory category, int followUpDays, CancellationToken cancellationToken)
    {
        var errors = await StatusValidation.ValidateAsync(db, null, name, followUpDays, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<Status>(errors);
        }

        var organizationId = await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken);
        var status = new Status(organizationId, name.Trim(), category, followUpDays);
        db.Statuses.Add(status);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(status);
    }
}
