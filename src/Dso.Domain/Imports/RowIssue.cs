namespace Dso.Domain.Imports;

/// <summary>A refused row or cell: line (the header is line 1), column header, reason.</summary>
public sealed record RowIssue(int Line, string? Column, string Message);
