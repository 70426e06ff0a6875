namespace Dso.Domain.Imports;

/// <summary>A file read row by row as text cells, streaming (constant memory whatever the size).</summary>
public interface ITableReader : IDisposable
{
    IReadOnlyList<string> Headers { get; }

    /// <summary>The line of the current row in the file (the header is line 1).</summary>
    int Line { get; }

    /// <summary>Moves to the next row; false at the end. A row the reader cannot read throws <see cref="UnreadableRowException"/>.</summary>
    Task<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The text of a cell of the current row ("" when the row is short).</summary>
    string Cell(int column);
}
