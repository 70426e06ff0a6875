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
        Enter(db.Tenant, organizationId, userId, roles, !roles.HasFlag(Role.Admin) && await RestrictsAsync(db, cancellationToken));
    }

    /// <summary>Whether the current organization restricts users who are not administrators to their portfolio.</summary>
    public static Task<bool> RestrictsAsync(DsoDbContext db, CancellationToken cancellationToken) =>
        db.Organizations.Select(o => o.Settings.RestrictToPortfolio).SingleAsync(cancellationToken);

    /// <summary>Makes a tenant act for a user, the organization's restriction known already.</summary>
    public static void Enter(Common.Tenant tenant, long organizationId, long userId, Role roles, bool organizationRestricts)
    {
        tenant.Enter(organizationId);
        if (organizationRestricts && !roles.HasFlag(Role.Admin))
        {
            tenant.RestrictToPortfolioOf(userId);
        }
    }
}
