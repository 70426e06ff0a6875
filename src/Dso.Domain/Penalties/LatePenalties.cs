namespace Dso.Domain.Penalties;

/// <summary>A client's late-payment penalties on a date: one line per late piece.</summary>
public sealed record LatePenalties(DateOnly AsOf, IReadOnlyList<(Pieces.Piece Piece, PenaltyLine Line)> Lines);
