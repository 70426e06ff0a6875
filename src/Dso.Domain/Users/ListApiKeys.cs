using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>API keys by creation (at most 1 000): one user's, or everybody's when no user is given (administrators).</summary>
public sealed class ListApiKeys(DsoDbContext db)
{
    public async Task<IReadOnlyList<ApiKey>> ExecuteAsync(long? userId, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Where(k => userId == null || k.UserId == userId)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).Take(1000).ToListAsync(cancellationToken);
}
