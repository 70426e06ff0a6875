namespace Dso.Domain.Common.Paging;

/// <summary>One page of a keyset-paged list; the total is counted only when asked for.</summary>
public sealed record Page<T>(
    IReadOnlyList<Edge<T>> Edges,
    bool HasNextPage,
    bool HasPreviousPage,
    Func<CancellationToken, Task<int>> CountAsync)
{
    /// <summary>The same page with each item turned into another (a row into its entity), cursors kept.</summary>
    public Page<TResult> Map<TResult>(Func<T, TResult> map) =>
        new(Edges.Select(e => new Edge<TResult>(e.Cursor, map(e.Node))).ToList(), HasNextPage, HasPreviousPage, CountAsync);
}
