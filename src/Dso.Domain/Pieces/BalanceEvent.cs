using Dso.Domain.Common;

namespace Dso.Domain.Pieces;

/// <summary>The open amount of a piece from a date on (until the next event).</summary>
public sealed class BalanceEvent : ITenantOwned
{
    private BalanceEvent()
    {
    }

    internal BalanceEvent(long organizationId, DateOnly date, decimal openAmount, string currency, bool receivable)
    {
        OrganizationId = organizationId;
        Date = date;
        OpenAmount = openAmount;
        Currency = currency;
        Receivable = receivable;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long PieceId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal OpenAmount { get; internal set; }

    /// <summary>
    /// The open amount minus the previous event's (the first event's is its open amount), so the sum of
    /// the changes up to a date, plus the full amount of pieces issued but not yet in their history, is
    /// the receivables on that date: one grouped scan gives a whole series of dates.
    /// </summary>
    public decimal Change { get; internal set; }

    /// <summary>The piece's currency, copied so receivables over time are summed from this table alone.</summary>
    public string Currency { get; internal set; } = "EUR";

    /// <summary>Whether the piece's type counts in receivables (not unapplied payments nor memo items); a piece never changes type.</summary>
    public bool Receivable { get; private set; }
}
