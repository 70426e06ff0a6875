using GraphQL.DataLoader;

namespace Dso.Api.GraphQL.DataLoading;

/// <summary>A loader result already at hand (cached or primed).</summary>
public sealed class CompletedResult<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
