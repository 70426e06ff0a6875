using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// The status report on a date (default today): overdue debit balances of that date grouped in SQL by
/// their pieces' current status, and the qualification rate (qualified overdue ÷ overdue; with the
/// <c>qualificationNeedsComment</c> setting a status without a comment does not qualify).
/// </summary>
public sealed class ComputeStatusReport(DsoDbContext db, TimeProvider clock)
{
    public async Task<StatusReport> ExecuteAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var on = asOf ?? organization.Today(clock);
        var sums = await db.Pieces.BalancesOn(on).Where(p => !p.IsCredit && p.DueDate < on)
            .GroupBy(p => new { p.StatusId, p.HasComment, p.Currency })
            .Select(g => new { g.Key.StatusId, g.Key.HasComment, g.Key.Currency, Amount = g.Sum(p => p.Open), Count = g.Count(p => p.Open != 0) })
            .ToListAsync(cancellationToken);
        var categories = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Category, cancellationToken);
        var rates = await ExchangeRateTable.LoadAsync(db, on, cancellationToken);

        var byStatus = sums.Where(s => s.StatusId is not null).GroupBy(s => s.StatusId!.Value)
            .Select(g => new StatusReportLine(categories[g.Key], g.Key, rates.Total(g.Select(s => (s.Currency, s.Amount))), g.Sum(s => s.Count)))
            .ToList();
        var lines = byStatus.GroupBy(l => l.Category).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderByDescending(l => l.Amount).ThenBy(l => l.StatusId).Prepend(new StatusReportLine(g.Key, null, g.Sum(l => l.Amount), g.Sum(l => l.Count))))
            .ToList();
        var total = rates.Total(sums.Select(s => (s.Currency, s.Amount)));
        var qualified = rates.Total(sums.Where(s => s.StatusId is not null && (s.HasComment || !organization.Settings.QualificationNeedsComment)).Select(s => (s.Currency, s.Amount)));
        var unqualified = sums.Where(s => s.StatusId is null).ToList();
        return new StatusReport(on, rates.MainCurrency, lines, total, qualified, Rounding.Ratio(total > 0 ? qualified / total : 0),
            rates.Total(unqualified.Select(s => (s.Currency, s.Amount))), unqualified.Sum(s => s.Count));
    }
}
