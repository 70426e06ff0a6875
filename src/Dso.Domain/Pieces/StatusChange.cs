using Dso.Domain.Common;

namespace Dso.Domain.Pieces;

/// <summary>One entry of a piece's qualification history.</summary>
public sealed class StatusChange : ITenantOwned
{
    private StatusChange()
    {
    }

    public StatusChange(long organizationId, long pieceId, DateTimeOffset at, long? userId, long? statusId, string? comment,
        DateOnly? promiseDate, decimal? promisedAmount)
    {
        (OrganizationId, PieceId, At, UserId, StatusId, Comment, PromiseDate, PromisedAmount) =
            (organizationId, pieceId, at, userId, statusId, comment, promiseDate, promisedAmount);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long PieceId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public long? UserId { get; private set; }

    public long? StatusId { get; private set; }

    public string? Comment { get; private set; }

    public DateOnly? PromiseDate { get; private set; }

    public decimal? PromisedAmount { get; private set; }
}
