namespace Dso.Domain.Pieces;

/// <summary>A piece as a caller sends it, before validation. Credit types may come with either sign.</summary>
public sealed record PieceInput(
    PieceType Type,
    string Number,
    string ClientCode,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    decimal OpenAmount,
    string? Currency = null,
    DateOnly? BalanceDate = null,
    DateOnly? PromiseDate = null);
