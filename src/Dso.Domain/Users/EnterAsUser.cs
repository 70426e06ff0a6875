using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>
/// Makes the unit of work act for a user: their organization, and only their portfolio when the organization
/// restricts users who are not administrators to it (<c>restrictToPortfolio</c>).
/// </summary>
public sealed class EnterAsUser(DsoDbContext db)
{
    public async Task ExecuteAsync(long organizationId, long userId, Role roles, CancellationToken cancellationToken)
    {
        db.Tenant.Enter(organizationId);
        if (!roles.HasFlag(Role.Admin) && await db.Organizations.Select(o => o.Settings.RestrictToPortfolio).SingleAsync(cancellationToken))
        {
            db.Tenant.RestrictToPortfolioOf(userId);
        }
    }
}
