using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>Finds who an API key belongs to; null for an unknown or revoked key.</summary>
public sealed class AuthenticateApiKey(DsoDbContext db)
{
    public async Task<Principal?> ExecuteAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = ApiKey.HashOf(secret);
        // Before authentication there is no tenant yet: the key itself says which organization.
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null && !k.User!.Archived)
            .Select(k => new { k.Id, k.OrganizationId, k.UserId, k.User!.Roles })
            .FirstOrDefaultAsync(cancellationToken);
        return key is null ? null : new Principal(key.OrganizationId, key.UserId, key.Roles, $"key:{key.Id}");
    }
}
