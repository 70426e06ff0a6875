using GraphQL.DataLoader;

namespace Dso.Api.GraphQL.DataLoading;

/// <summary>
/// Collects the keys asked for while the engine walks one level of the tree, then fetches them all
/// with one call when the engine first asks for a result (GraphQL.NET parks every IDataLoaderResult
/// until the level has drained). Each key is fetched at most once per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch = fetch;
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Batch> batchOf = [];
    private readonly Dictionary<TKey, TValue?> known = [];
    private Batch? pending;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            if (known.TryGetValue(key, out var value))
            {
                return new CompletedResult<TValue?>(value);
            }

            if (!batchOf.TryGetValue(key, out var batch))
            {
                batch = pending ??= new Batch(this);
                batch.Keys.Add(key);
                batchOf[key] = batch;
            }

            return new Result(batch, key);
        }
    }

    /// <summary>Records a value already at hand, so asking for it costs no query.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (gate)
        {
            known.TryAdd(key, value);
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? fetching;

        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner.gate)
            {
                if (fetching is null)
                {
                    if (owner.pending == this)
                    {
                        owner.pending = null;
                    }

                    fetching = FetchAsync(cancellationToken);
                }

                return fetching;
            }
        }

        private async Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(CancellationToken cancellationToken)
        {
            var values = await owner.fetch(Keys, cancellationToken);
            lock (owner.gate)
            {
                foreach (var key in Keys)
                {
                    owner.known[key] = values.GetValueOrDefault(key);
                    owner.batchOf.Remove(key);
                }
            }

            return values;
        }
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await batch.RunAsync(cancellationToken)).GetValueOrDefault(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
