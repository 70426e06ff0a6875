namespace Dso.Domain.Pieces;

/// <summary>
/// Whether a payment promise was kept (domain-rules §3): the open amount fell by the promised amount (or to
/// 0 when no amount was promised) by the promise date. Undecided (null) until the promise date has passed.
/// </summary>
public static class PromiseKeeping
{
    /// <param name="promisedAmount">The amount promised; null for everything still due.</param>
    /// <param name="madeOn">The day the promise was made.</param>
    /// <param name="promiseDate">The day the payment was promised for.</param>
    /// <param name="openOn">The piece's open amount at the end of a day (its balance history).</param>
    /// <param name="today">Today, in the organization's time zone.</param>
    public static bool? Decide(decimal? promisedAmount, DateOnly madeOn, DateOnly promiseDate, Func<DateOnly, decimal> openOn, DateOnly today)
    {
        var target = promisedAmount is { } amount ? Math.Max(0, openOn(madeOn) - amount) : 0;
        var by = today < promiseDate ? today : promiseDate;
        if (openOn(by) <= target)
        {
            return true;
        }

        return today > promiseDate ? false : null;
    }

    /// <summary>When a piece's current promise was made: its latest qualification with that date, else (a promise from the source system) the piece's creation.</summary>
    public static DateTimeOffset MadeAt(Piece piece, IEnumerable<StatusChange> history) =>
        history.Where(c => c.PieceId == piece.Id && c.PromiseDate != null && c.PromiseDate == piece.PromiseDate).Select(c => (DateTimeOffset?)c.At).Max() ?? piece.CreatedAt;
}
