using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Alerts;

/// <summary>The organization's alert rules, one per kind, in the order of the kinds.</summary>
public sealed class ListAlertRules(DsoDbContext db)
{
    public async Task<IReadOnlyList<AlertRule>> ExecuteAsync(CancellationToken cancellationToken) =>
        [.. (await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(r => r.Kind)];

    /// <summary>Whether the organization's rule of <paramref name="kind"/> raises alerts (a kind without a rule does).</summary>
    internal static async Task<bool> EnabledAsync(DsoDbContext db, long organizationId, AlertKind kind, CancellationToken cancellationToken) =>
        await db.AlertRules.IgnoreQueryFilters().Where(r => r.OrganizationId == organizationId && r.Kind == kind).Select(r => (bool?)r.Enabled).FirstOrDefaultAsync(cancellationToken) ?? true;
}
