using Dso.Domain.Common;

namespace Dso.Domain.Pieces;

/// <summary>The open amount of a piece from a date on (until the next event).</summary>
public sealed class BalanceEvent : ITenantOwned
{
    private BalanceEvent()
    {
    }

    internal BalanceEvent(long organizationId, DateOnly date, decimal openAmount)
    {
        OrganizationId = organizationId;
        Date = date;
        OpenAmount = openAmount;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long PieceId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal OpenAmount { get; internal set; }
}
