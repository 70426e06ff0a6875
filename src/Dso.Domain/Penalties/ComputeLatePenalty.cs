using Dso.Domain.Common;

namespace Dso.Domain.Penalties;

/// <summary>
/// Late-payment interest of one piece (domain-rules §6): simple interest on the balance of each day, from
/// the day after the due date to the payment date (a payment stops interest the day after it), excluding
/// days when the piece was disputed, at each day's half-year rate (SPLIT) or the due date's (AT_DUE_DATE).
/// </summary>
public static class ComputeLatePenalty
{
    public const decimal FixedIndemnity = 40m;

    /// <param name="pieceId">The piece.</param>
    /// <param name="dueDate">The piece's due date.</param>
    /// <param name="asOf">The last day that may count.</param>
    /// <param name="balanceBefore">The open amount at the end of a day.</param>
    /// <param name="disputed">Whether the piece was disputed (or in litigation) on a day.</param>
    /// <param name="rates">The rate table.</param>
    /// <param name="policy">Which half-year rate applies.</param>
    /// <param name="indemnity">Whether the piece earns the fixed recovery indemnity when late (invoices).</param>
    public static PenaltyLine Execute(long pieceId, DateOnly dueDate, DateOnly asOf, Func<DateOnly, decimal> balanceBefore, Func<DateOnly, bool> disputed,
        PenaltyRates rates, HalfYearPolicy policy, bool indemnity)
    {
        var segments = new List<PenaltySegment>();
        var days = 0;
        for (var day = dueDate.AddDays(1); day <= asOf; day = day.AddDays(1))
        {
            var balance = balanceBefore(day.AddDays(-1));
            if (balance <= 0)
            {
                break;
            }

            if (disputed(day))
            {
                continue;
            }

            days++;
            var rate = rates.On(policy == HalfYearPolicy.Split ? day : dueDate);
            if (segments.Count > 0 && segments[^1] is var last && last.To == day.AddDays(-1) && last.AnnualRatePercent == rate && last.Base == balance)
            {
                segments[^1] = last with { To = day };
            }
            else
            {
                segments.Add(new PenaltySegment(day, day, rate, balance));
            }
        }

        return new PenaltyLine(pieceId, days, Rounding.Amount(segments.Sum(s => s.Interest)), indemnity && days > 0 ? FixedIndemnity : 0m, segments);
    }
}
