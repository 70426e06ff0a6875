namespace Dso.Domain.Imports;

/// <summary>A row (or the whole file) that cannot be read as a table; the import stops with this line's error.</summary>
public sealed class UnreadableRowException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
