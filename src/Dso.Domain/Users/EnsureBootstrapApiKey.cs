using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>
/// Makes sure an administrator API key exactly equal to a configured secret exists: in the first
/// organization, created when there is none (for automation and first runs).
/// </summary>
public sealed class EnsureBootstrapApiKey(DsoDbContext db, CreateOrganization createOrganization, TimeProvider clock)
{
    public async Task ExecuteAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKey.HashOf(secret);
        if (await db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Hash == hash, cancellationToken))
        {
            return;
        }

        var first = await db.Organizations.IgnoreQueryFilters().OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            var created = await createOrganization.ExecuteAsync(new CreateOrganizationRequest("Dso", ApiKey: secret), cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.Errors[0].Message);
            }

            return;
        }

        db.Tenant.Enter(first.Id);
        var admin = await db.Users.Where(u => (u.Roles & Role.Admin) == Role.Admin).OrderBy(u => u.Id).FirstAsync(cancellationToken);
        db.ApiKeys.Add(ApiKey.Issue(admin, clock.GetUtcNow(), secret).Key);
        await db.SaveChangesAsync(cancellationToken);
    }
}
