using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>
/// Finds the user a verified identity-provider token stands for: by its subject when a user carries it, else by
/// its email address. An address held by users of several organizations, an archived user, or no match: null.
/// </summary>
public sealed class AuthenticateToken(DsoDbContext db)
{
    public async Task<Principal?> ExecuteAsync(string? subject, string? email, CancellationToken cancellationToken)
    {
        // Before authentication there is no tenant yet: the identity itself says which organization.
        var users = db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => !u.Archived);
        var matches = subject is { Length: > 0 }
            ? await users.Where(u => u.Subject == subject).Take(2).ToListAsync(cancellationToken)
            : [];
        if (matches.Count == 0 && UserValidation.NormalizedEmail(email) is { } address)
        {
            matches = await users.Where(u => u.Email == address).Take(2).ToListAsync(cancellationToken);
        }

        return matches is [var user] ? new Principal(user.OrganizationId, user.Id, user.Roles, $"jwt:{subject ?? user.Email}") : null;
    }
}
