using GraphQL.DataLoader;

namespace FPbase.Web.Features.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for and loads them all with one query when the first result is
/// awaited (GraphQL.NET awaits deferred results only after the current level of the tree has been
/// walked). One instance per request; not thread-safe, which the serial execution strategy guarantees.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key))
        {
            _pending.Add(key);
        }

        return new Result(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (!_loaded.ContainsKey(key) && _pending.Count > 0)
        {
            var keys = _pending.ToList();
            _pending.Clear();
            var fetched = await fetch(keys, cancellationToken);
            foreach (var k in keys)
            {
                _loaded[k] = fetched.TryGetValue(k, out var value) ? value : missing;
            }
        }

        return _loaded.TryGetValue(key, out var result) ? result : missing;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
