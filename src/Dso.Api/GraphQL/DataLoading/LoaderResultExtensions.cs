using GraphQL.DataLoader;

namespace Dso.Api.GraphQL.DataLoading;

/// <summary>Chains work after a loader result without giving up batching (the engine parks the chained result too).</summary>
public static class LoaderResultExtensions
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new Chained<T, TResult>(result, (value, _) => Task.FromResult(map(value)));

    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, CancellationToken, Task<TResult>> map) =>
        new Chained<T, TResult>(result, map);

    private sealed class Chained<T, TResult>(IDataLoaderResult<T> inner, Func<T, CancellationToken, Task<TResult>> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            await map(await inner.GetResultAsync(cancellationToken), cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
