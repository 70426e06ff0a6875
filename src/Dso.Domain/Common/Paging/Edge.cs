namespace Dso.Domain.Common.Paging;

/// <summary>An item of a page with the cursor that points just after (or before) it.</summary>
public sealed record Edge<T>(string Cursor, T Node);
