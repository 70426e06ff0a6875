using Dso.Domain.Pieces;

namespace Dso.Domain.Imports;

/// <summary>
/// A batch of normalised records from any source (a file's rows, a connector's read): the records to upsert, each
/// numbered in its read (<see cref="ImportRow.Line"/>), the pieces the source reports settled or deleted, the records
/// it refused itself, where to resume after it, and what its source does once it is committed.
/// </summary>
public sealed record RecordBatch(IReadOnlyList<ImportRow> Rows, IReadOnlyList<PieceKey> Settled, IReadOnlyList<RowIssue> Refused, string? Cursor)
{
    /// <summary>Run once the batch is committed (outside the transaction).</summary>
    public Func<CancellationToken, Task>? Committed { get; init; }

    /// <summary>How many records it holds, in every list.</summary>
    public int Size => Rows.Count + Settled.Count + Refused.Count;
}

/// <summary>A piece by its natural key.</summary>
public sealed record PieceKey(PieceType Type, string Number);
