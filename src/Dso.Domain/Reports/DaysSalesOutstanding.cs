using Dso.Domain.Common;

namespace Dso.Domain.Reports;

/// <summary>
/// The DSO formulas of domain-rules §5 over sales per day. Periods walk back from the date: the first is
/// its month up to the date, the next ones whole calendar months.
/// </summary>
public sealed class DaysSalesOutstanding(SortedDictionary<DateOnly, decimal> salesPerDay)
{
    public const int SimplePeriods = 3;

    public decimal Compute(DsoMethod method, decimal receivables, DateOnly asOf) =>
        Rounding.Days(method == DsoMethod.Simple ? Simple(receivables, asOf) : Countback(receivables, asOf));

    /// <summary>Whole periods while the receivables last, then the rest pro rata; the walk stops where the sales history begins.</summary>
    private decimal Countback(decimal receivables, DateOnly asOf)
    {
        var remaining = receivables;
        var days = 0m;
        var first = salesPerDay.Count == 0 ? asOf : salesPerDay.Keys.First();
        foreach (var (start, end) in Periods(asOf).TakeWhile(p => p.End >= first))
        {
            if (remaining <= 0)
            {
                break;
            }

            var sales = Sales(start, end);
            var length = end.DayNumber - start.DayNumber + 1;
            if (sales > 0 && remaining < sales)
            {
                return days + (remaining / sales * length);
            }

            remaining -= sales;
            days += length;
        }

        return days;
    }

    private decimal Simple(decimal receivables, DateOnly asOf)
    {
        var periods = Periods(asOf).Take(SimplePeriods).ToList();
        var sales = periods.Sum(p => Sales(p.Start, p.End));
        return sales > 0 ? receivables / sales * periods.Sum(p => p.End.DayNumber - p.Start.DayNumber + 1) : 0;
    }

    private decimal Sales(DateOnly start, DateOnly end) => salesPerDay.Where(s => s.Key >= start && s.Key <= end).Sum(s => s.Value);

    private static IEnumerable<(DateOnly Start, DateOnly End)> Periods(DateOnly asOf)
    {
        var end = asOf;
        while (true)
        {
            var start = new DateOnly(end.Year, end.Month, 1);
            yield return (start, end);
            end = start.AddDays(-1);
        }
    }
}
