using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Actions;

/// <summary>Actions by their ids (a run's planned ones, say), by due date.</summary>
public sealed class ListActions(DsoDbContext db)
{
    public async Task<IReadOnlyList<CollectionAction>> ExecuteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Actions.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToListAsync(cancellationToken);
}
