namespace Dso.Domain.Pieces;

/// <summary>The validated, normalised (signed) values of a piece as a source system gives them.</summary>
public sealed record PieceValues(
    PieceType Type,
    string Number,
    long ClientId,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    decimal OpenAmount,
    string Currency,
    DateOnly BalanceDate,
    DateOnly? PromiseDate);
