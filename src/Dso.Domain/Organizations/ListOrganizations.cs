using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Organizations;

/// <summary>Every organization of the database, oldest first: for the operator (the command line), never for a tenant's caller.</summary>
public sealed class ListOrganizations(DsoDbContext db)
{
    public async Task<IReadOnlyList<Organization>> ExecuteAsync(CancellationToken cancellationToken) =>
        await db.Organizations.IgnoreQueryFilters().AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancellationToken);
}
