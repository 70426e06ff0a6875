using Dso.Domain.Actions;

namespace Dso.Domain.Pieces;

/// <summary>The qualified pieces, and the follow-up action created when the status takes them out of the scenario.</summary>
public sealed record QualifiedPieces(IReadOnlyList<Piece> Pieces, CollectionAction? FollowUp);
