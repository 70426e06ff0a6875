namespace Dso.Domain.Pieces;

/// <summary>The orderings of a piece list.</summary>
public enum PieceOrderField
{
    DueDate,
    OpenAmount,
    Number,
    IssueDate,
}
