using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>The disputes report between two dates (default: the last 30 days), from the status history.</summary>
public sealed class ComputeDisputesReport(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<DisputesReport>> ExecuteAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var end = to ?? organization.Today(clock);
        var start = from ?? end.AddDays(-29);
        if (start > end)
        {
            return Outcomes.Failure<DisputesReport>(UserError.Invalid("from is after to.", "from"));
        }

        var episodes = await DisputeEpisode.LoadAsync(db, organization, end, cancellationToken);
        var open = episodes.Where(e => e.End is null || e.End > end).ToList();
        var resolved = episodes.Where(e => e.Resolved && e.End >= start && e.End <= end).ToList();
        var openIds = open.Select(e => e.PieceId).ToList();
        var openBalances = await db.Pieces.BalancesOn(end).Where(p => openIds.Contains(p.Id)).Select(p => new { p.Id, p.Currency, p.Open }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var resolvedIds = resolved.Select(e => e.PieceId).Distinct().ToList();
        var resolvedPieces = await db.Pieces.AsNoTracking().Include(p => p.BalanceHistory).Where(p => resolvedIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var rates = await ExchangeRateTable.LoadAsync(db, end, cancellationToken);

        var lines = episodes.Select(e => e.StatusId).Distinct().Order().Select(status =>
        {
            var stillOpen = open.Where(e => e.StatusId == status && openBalances.ContainsKey(e.PieceId)).Select(e => openBalances[e.PieceId]).ToList();
            var done = resolved.Where(e => e.StatusId == status).ToList();
            return new DisputeReportLine(
                status,
                stillOpen.Count,
                rates.Total(stillOpen.Select(b => (b.Currency, b.Open))),
                episodes.Count(e => e.StatusId == status && e.Start >= start && e.Start <= end),
                done.Count,
                rates.Total(done.Select(e => resolvedPieces[e.PieceId]).Zip(done, (p, e) => (p.Currency, p.OpenAmountOn(e.Start)))),
                done.Count > 0 ? Rounding.Days((decimal)done.Average(e => e.ResolutionDays!.Value)) : null);
        }).Where(l => l.OpenCount + l.OpenedCount + l.ResolvedCount > 0).ToList();
        return Outcomes.Success(new DisputesReport(start, end, rates.MainCurrency, lines));
    }
}
