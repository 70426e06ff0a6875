using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Organizations;

/// <summary>The organization of the current unit of work (the query filter leaves only that one).</summary>
public static class CurrentOrganization
{
    public static Task<Organization> CurrentOrganizationAsync(this DsoDbContext db, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
}
