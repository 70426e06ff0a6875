namespace Dso.Domain.Common.Paging;

/// <summary>One page of a keyset-paged list; the total is counted only when asked for.</summary>
public sealed record Page<T>(
    IReadOnlyList<Edge<T>> Edges,
    bool HasNextPage,
    bool HasPreviousPage,
    Func<CancellationToken, Task<int>> CountAsync);
