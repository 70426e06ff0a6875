using Dso.Domain.Common.Paging;
using Dso.Domain.Persistence;

namespace Dso.Domain.Alerts;

/// <summary>The organization's alerts, latest first, optionally only the open (or the acknowledged) ones.</summary>
public sealed class ListAlerts(DsoDbContext db)
{
    private static readonly SortKey<Alert>[] Keys =
    [
        SortKeys.By<Alert, DateTimeOffset>("raisedAt", a => a.RaisedAt, descending: true),
        SortKeys.By<Alert, long>("id", a => a.Id, descending: true),
    ];

    public Task<Page<Alert>> ExecuteAsync(bool? acknowledged, PageRequest page, CancellationToken cancellationToken)
    {
        var alerts = db.Alerts.AsQueryable();
        if (acknowledged is { } done)
        {
            // Open: neither acknowledged nor resolved (a resolved alert's condition cleared by itself).
            alerts = done ? alerts.Where(a => a.AcknowledgedAt != null) : alerts.Where(a => a.AcknowledgedAt == null && a.ResolvedAt == null);
        }

        return Keyset.PageAsync(alerts, Keys, page, cancellationToken);
    }
}
