namespace Dso.Domain.Penalties;

/// <summary>The penalties of one piece: its late days, interest (rounded once), the fixed indemnity and how the interest was made.</summary>
public sealed record PenaltyLine(long PieceId, int DaysLate, decimal Interest, decimal Indemnity, IReadOnlyList<PenaltySegment> Segments);
