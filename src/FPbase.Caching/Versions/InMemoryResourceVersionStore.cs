using System.Collections.Concurrent;

namespace FPbase.Caching.Versions;

/// <summary>
/// The embedded default: versions in process memory, with the same contract as Redis. The epoch is
/// new for every process, so validators issued before a restart never match again. Holds a token per
/// resource ever bumped (bounded by the writes), none for what was only read.
/// </summary>
internal sealed class InMemoryResourceVersionStore : IResourceVersionStore, Diagnostics.ICacheInstances
{
    private readonly string _epoch = VersionToken.New();
    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);

    /// <summary>How many resources have a token (for tests).</summary>
    internal int Count => _versions.Count;

    /// <summary>One instance, whose versions are the store: always trusted, no leases to wait for.</summary>
    public ValueTask<Diagnostics.CacheInstancesReport> ReadAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(new Diagnostics.CacheInstancesReport("in-process", _epoch, LeaseTrusted: true, Count, [], Error: null));

    public ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken)
    {
        var tokens = new string[resources.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = _versions.TryGetValue(resources[i], out var token) ? token : VersionToken.Unbumped;
        }

        return ValueTask.FromResult<string?>(VersionStamp.Create(_epoch, tokens));
    }

    public Task BumpAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        foreach (var resource in resources)
        {
            _versions[resource] = VersionToken.New();
        }

        return Task.CompletedTask;
    }
}
