using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>Issues an API key for a new integration user with the given role in an organization.</summary>
public sealed class CreateApiKey(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(long organizationId, Role role, CancellationToken cancellationToken)
    {
        if (role == Role.None)
        {
            return Outcomes.Failure<string>(UserError.Invalid("A key needs a role.", "role"));
        }

        if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return Outcomes.Failure<string>(UserError.NotFound($"No organization {organizationId}.", "organization"));
        }

        db.Tenant.Enter(organizationId);
        var count = await db.Users.CountAsync(cancellationToken);
        var name = $"API key {role.ToString().ToUpperInvariant()} #{count + 1}";
        var user = new User(organizationId, name, $"api-key-{count + 1}@keys.dso.invalid", role);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        var (key, secret) = ApiKey.Issue(user, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(secret);
    }
}
