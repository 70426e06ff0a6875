using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>The mappings saved by name.</summary>
public sealed class ListImportMappings(DsoDbContext db)
{
    public async Task<IReadOnlyList<SavedImportMapping>> ExecuteAsync(CancellationToken cancellationToken) =>
        await db.Set<SavedImportMapping>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
}
