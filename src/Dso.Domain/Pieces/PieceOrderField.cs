namespace Dso.Domain.Pieces;

/// <summary>The orderings of a piece list.</summary>
public enum PieceOrderField
{
    DueDate,
    OpenAmount,
    Number,
    IssueDate,

    /// <summary>How long past due: the due dates' order reversed (descending, the most overdue first).</summary>
    DaysOverdue,
}
