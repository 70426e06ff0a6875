using Dso.Domain.Pieces;

namespace Dso.Domain.Reports;

/// <summary>A receivable piece with its balance on a report date (a row of the SQL projection, never materialised for every piece).</summary>
public sealed class PieceOnDate
{
    public long Id { get; init; }

    public long ClientId { get; init; }

    public string Currency { get; init; } = "";

    public DateOnly DueDate { get; init; }

    public long? StatusId { get; init; }

    public bool HasComment { get; init; }

    public DateOnly? PromiseDate { get; init; }

    /// <summary>A credit note, or a miscellaneous item with a negative amount: shown apart from the debts.</summary>
    public bool IsCredit { get; init; }

    public decimal Open { get; init; }
}
