using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// DSO on a date (default today) with one value per month end over the last <c>months</c> months.
/// The best possible DSO applies the same method to the receivables not yet due; the average days
/// delinquent is the difference.
/// </summary>
public sealed class ComputeDso(DsoDbContext db, TimeProvider clock)
{
    public const int MaxMonths = 36;

    public async Task<Outcome<DsoReport>> ExecuteAsync(DsoMethod method, DateOnly? asOf, int months, CancellationToken cancellationToken)
    {
        if (months is < 0 or > MaxMonths)
        {
            return Outcomes.Failure<DsoReport>(UserError.Invalid($"months is between 0 and {MaxMonths}.", "months"));
        }

        var on = asOf ?? (await db.CurrentOrganizationAsync(cancellationToken)).Today(clock);
        var monthEnds = MonthEnds(on).Take(months).Reverse().ToList();
        var rates = await ExchangeRateTable.LoadAsync(db, on, cancellationToken);
        var receivables = await ReceivablesHistory.OnAsync(db, [.. monthEnds, on], rates, cancellationToken);
        var dso = new DaysSalesOutstanding(await ReceivablesHistory.SalesAsync(db, on, rates, cancellationToken));
        var notDue = await db.Pieces.NotDueAsync(on, rates, cancellationToken);

        var days = dso.Compute(method, receivables[^1], on);
        var best = dso.Compute(method, notDue, on);
        var history = monthEnds.Select((month, i) => new DsoPoint(month, dso.Compute(method, receivables[i], month))).ToList();
        return Outcomes.Success(new DsoReport(method, on, days, best, days - best, history));
    }

    /// <summary>The month ends on or before a date, latest first.</summary>
    private static IEnumerable<DateOnly> MonthEnds(DateOnly date)
    {
        var end = date.AddDays(1).Day == 1 ? date : new DateOnly(date.Year, date.Month, 1).AddDays(-1);
        while (true)
        {
            yield return end;
            end = new DateOnly(end.Year, end.Month, 1).AddDays(-1);
        }
    }
}
