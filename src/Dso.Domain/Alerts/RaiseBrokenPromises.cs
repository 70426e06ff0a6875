using System.Globalization;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Alerts;

/// <summary>
/// Raises BROKEN_PROMISE alerts on a date (default today; domain-rules §3): a promise whose date has passed
/// and that the balance history shows was not kept. One open alert per client: a client that already has
/// one unacknowledged gets no second. Run every morning with the scenarios.
/// </summary>
public sealed class RaiseBrokenPromises(DsoDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Alert>> ExecuteAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        if (!await ListAlertRules.EnabledAsync(db, organization.Id, AlertKind.BrokenPromise, cancellationToken))
        {
            return [];
        }

        var today = date ?? organization.Today(clock);
        var promised = await db.Pieces.AsNoTracking().Include(p => p.BalanceHistory)
            .Where(p => p.PromiseDate != null && p.PromiseDate < today && p.OpenAmount > 0)
            .Where(p => !db.Alerts.Any(a => a.ClientId == p.ClientId && a.Kind == AlertKind.BrokenPromise && a.AcknowledgedAt == null && a.ResolvedAt == null))
            .ToListAsync(cancellationToken);
        var ids = promised.Select(p => p.Id).ToList();
        var history = (await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.PieceId) && c.PromiseDate != null).ToListAsync(cancellationToken))
            .ToLookup(c => c.PieceId);

        var broken = promised.Where(p => PromiseKeeping.Decide(p.PromisedAmount, organization.DateOf(PromiseKeeping.MadeAt(p, history[p.Id])),
                p.PromiseDate!.Value, p.OpenAmountOn, today) == false)
            .ToList();
        var now = clock.GetUtcNow();
        var alerts = broken.GroupBy(p => p.ClientId).Select(g => new Alert(organization.Id, AlertKind.BrokenPromise, g.Key,
            string.Create(CultureInfo.InvariantCulture, $"Payment promised by {g.Min(p => p.PromiseDate):yyyy-MM-dd} not received: {string.Join(", ", g.Select(p => p.Number).Order(StringComparer.Ordinal))}."),
            now)).ToList();
        db.Alerts.AddRange(alerts);
        await db.SaveChangesAsync(cancellationToken);
        return alerts;
    }
}
