using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// Cash collected between two dates (default: the month to date), per day, week or month, from the
/// decreases recorded in the balance history of debit pieces; and the collection effectiveness index of
/// each calendar month of the range.
/// </summary>
public sealed class ComputeCollectionsReport(DsoDbContext db, TimeProvider clock)
{
    public const int MaxDays = 3 * 366;

    public async Task<Outcome<CollectionsReport>> ExecuteAsync(DateOnly? from, DateOnly? to, Granularity granularity, CancellationToken cancellationToken)
    {
        var end = to ?? (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end || end.DayNumber - start.DayNumber >= MaxDays)
        {
            return Outcomes.Failure<CollectionsReport>(UserError.Invalid($"from is on or before to, at most {MaxDays} days earlier.", "from"));
        }

        var rates = await ExchangeRateTable.LoadAsync(db, end, cancellationToken);
        var debits = db.Pieces.Where(p => p.Type == PieceType.Invoice || p.Type == PieceType.DebitNote || p.Type == PieceType.BillOfExchange || (p.Type == PieceType.Misc && p.Amount > 0));
        var decreases = await db.BalanceEvents.Where(e => e.Date >= start && e.Date <= end && e.Change < 0)
            .Join(debits, e => e.PieceId, p => p.Id, (e, p) => new { p.Currency, e.Date, e.Change })
            .GroupBy(x => new { x.Currency, x.Date })
            .Select(g => new { g.Key.Currency, g.Key.Date, Amount = -g.Sum(x => x.Change) })
            .ToListAsync(cancellationToken);
        var periods = Periods(start, end, granularity).Select(p => new CollectedPeriod(p.Start, p.End,
            rates.Total(decreases.Where(d => d.Date >= p.Start && d.Date <= p.End).Select(d => (d.Currency, d.Amount))))).ToList();

        return Outcomes.Success(new CollectionsReport(start, end, granularity, rates.MainCurrency, periods, periods.Sum(p => p.Collected),
            await EffectivenessAsync(start, end, rates, cancellationToken)));
    }

    private async Task<List<EffectivenessPoint>> EffectivenessAsync(DateOnly start, DateOnly end, ExchangeRateTable rates, CancellationToken cancellationToken)
    {
        var months = Periods(start, end, Granularity.Month).ToList();
        var receivables = await ReceivablesHistory.OnAsync(db, months.SelectMany(m => new[] { m.Start.AddDays(-1), m.End }).ToList(), rates, cancellationToken);
        var sales = await ReceivablesHistory.SalesAsync(db, end, rates, cancellationToken);
        var points = new List<EffectivenessPoint>();
        for (var i = 0; i < months.Count; i++)
        {
            var (first, last) = months[i];
            var notDue = await db.Pieces.NotDueAsync(last, rates, cancellationToken);
            var opening = receivables[2 * i];
            var closing = receivables[(2 * i) + 1];
            var sold = sales.Where(s => s.Key >= first && s.Key <= last).Sum(s => s.Value);
            var denominator = opening + sold - notDue;
            points.Add(new EffectivenessPoint(first, last, denominator > 0 ? Rounding.Ratio((opening + sold - closing) / denominator) : null));
        }

        return points;
    }

    /// <summary>The periods of a granularity covering a range, the first and last clipped to it.</summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> Periods(DateOnly start, DateOnly end, Granularity granularity)
    {
        for (var first = start; first <= end;)
        {
            var next = granularity switch
            {
                Granularity.Day => first.AddDays(1),
                Granularity.Week => first.AddDays(7 - (((int)first.DayOfWeek + 6) % 7)),
                _ => new DateOnly(first.Year, first.Month, 1).AddMonths(1),
            };
            var last = next.AddDays(-1);
            yield return (first, last < end ? last : end);
            first = next;
        }
    }
}
