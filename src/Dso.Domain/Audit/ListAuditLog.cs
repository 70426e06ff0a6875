using Dso.Domain.Organizations;
using Dso.Domain.Common.Paging;
using Dso.Domain.Persistence;

namespace Dso.Domain.Audit;

/// <summary>What to keep of the audit trail: one user's changes, one entity's, a period (instants, from inclusive, to exclusive).</summary>
/// <summary>Which entries: by user, by entity, from and to local dates of the organization (both included).</summary>
public sealed record AuditFilter(long? UserId, string? EntityType, string? EntityKey, DateOnly? From, DateOnly? To);

/// <summary>The audit trail, latest first.</summary>
public sealed class ListAuditLog(DsoDbContext db)
{
    private static readonly SortKey<AuditEntry>[] Keys = [SortKeys.By<AuditEntry, long>("id", e => e.Id, descending: true)];

    public async Task<Page<AuditEntry>> ExecuteAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var timeZone = (await db.CurrentOrganizationAsync(cancellationToken)).TimeZone;
        var entries = db.AuditEntries.AsQueryable();
        if (filter.UserId is { } user)
        {
            entries = entries.Where(e => e.UserId == user);
        }

        if (filter.EntityType is { } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }

        if (filter.EntityKey is { } key)
        {
            entries = entries.Where(e => e.EntityKey == key);
        }

        if (filter.From is { } fromDay)
        {
            var from = BusinessCalendar.StartOf(fromDay, timeZone);
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.To is { } toDay)
        {
            var to = BusinessCalendar.StartOf(toDay.AddDays(1), timeZone);
            entries = entries.Where(e => e.At < to);
        }

        return await Keyset.PageAsync(entries, Keys, page, cancellationToken);
    }
}
