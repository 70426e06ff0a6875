using Dso.Domain.Statuses;

namespace Dso.Domain.Pieces;

/// <summary>Which pieces a list returns; every member is optional and they combine with AND.</summary>
public sealed record PieceFilter(
    long? ClientId = null,
    IReadOnlyList<PieceType>? Types = null,
    bool? Open = null,
    bool? Overdue = null,
    IReadOnlyList<StatusCategory>? StatusCategories = null,
    bool? Unqualified = null,
    DateOnly? DueBefore = null,
    DateOnly? DueAfter = null,
    decimal? MinOpenAmount = null);
