using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>The organization's users by name (at most 1 000); the archived ones only when asked.</summary>
public sealed class ListUsers(DsoDbContext db)
{
    public async Task<IReadOnlyList<User>> ExecuteAsync(bool includeArchived, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => includeArchived || !u.Archived)
            .OrderBy(u => u.Name).ThenBy(u => u.Id).Take(1000).ToListAsync(cancellationToken);
}
