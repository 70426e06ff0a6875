using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>The scenarios in use (not archived) with their steps, the default first.</summary>
public sealed class ListScenarios(DsoDbContext db)
{
    public async Task<IReadOnlyList<Scenario>> ExecuteAsync(CancellationToken cancellationToken) =>
        await db.Scenarios.AsNoTracking().Include(s => s.Steps)
            .Where(s => !s.Archived).OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
}
