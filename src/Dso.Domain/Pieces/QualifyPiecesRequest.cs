namespace Dso.Domain.Pieces;

/// <summary>A qualification of pieces by a user: status, comment, and for a promise its date and amount.</summary>
public sealed record QualifyPiecesRequest(
    IReadOnlyList<long?> PieceIds,
    long? StatusId,
    string Comment,
    DateOnly? PromiseDate = null,
    decimal? PromisedAmount = null,
    DateOnly? FollowUpDate = null);
