using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Statuses;

internal static class StatusValidation
{
    public static async Task<List<UserError>> ValidateAsync(DsoDbContext db, long? id, string name, int followUpDays, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 100)
        {
            errors.Add(UserError.Invalid("name must have 1 to 100 characters.", "name"));
        }
        else if (await db.Statuses.AnyAsync(s => s.Name == trimmed && s.Id != id, cancellationToken))
        {
            errors.Add(UserError.Conflict($"A status named '{trimmed}' already exists.", "name"));
        }

        if (followUpDays is < 0 or > 365)
        {
            errors.Add(UserError.Invalid("followUpDays must be between 0 and 365.", "followUpDays"));
        }

        return errors;
    }
}
