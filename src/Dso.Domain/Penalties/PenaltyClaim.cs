using Dso.Domain.Common;

namespace Dso.Domain.Penalties;

/// <summary>
/// Late-payment penalties recorded as a claim of their own: a debit note (the claim piece) for what a late
/// invoice owes beyond what was already claimed; the invoice itself is never changed. A waiver settles the
/// claim piece and keeps who waived it and why.
/// </summary>
public sealed class PenaltyClaim : ITenantOwned
{
    private PenaltyClaim()
    {
    }

    public PenaltyClaim(long organizationId, long clientId, long pieceId, long claimPieceId, DateOnly asOf, decimal interest, decimal indemnity, long userId, DateTimeOffset at)
    {
        (OrganizationId, ClientId, PieceId, ClaimPieceId, AsOf, Interest, Indemnity, CreatedBy, CreatedAt) =
            (organizationId, clientId, pieceId, claimPieceId, asOf, interest, indemnity, userId, at);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ClientId { get; private set; }

    /// <summary>The late invoice or debit note.</summary>
    public long PieceId { get; private set; }

    /// <summary>The debit note that claims the penalties.</summary>
    public long ClaimPieceId { get; private set; }

    public DateOnly AsOf { get; private set; }

    public decimal Interest { get; private set; }

    public decimal Indemnity { get; private set; }

    public long CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? WaivedAt { get; private set; }

    public long? WaivedBy { get; private set; }

    public string? WaiverReason { get; private set; }

    public bool Waived => WaivedAt is not null;

    public void Waive(string reason, long userId, DateTimeOffset at) => (WaiverReason, WaivedBy, WaivedAt) = (reason, userId, at);
}
