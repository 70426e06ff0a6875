using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Statuses;

/// <summary>The statuses by category then name; the archived ones only when asked.</summary>
public sealed class ListStatuses(DsoDbContext db)
{
    public async Task<IReadOnlyList<Status>> ExecuteAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var statuses = await db.Statuses.AsNoTracking().Where(s => includeArchived || !s.Archived).ToListAsync(cancellationToken);
        return [.. statuses.OrderBy(s => s.Category).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }
}
