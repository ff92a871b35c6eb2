using System.Collections.Concurrent;
using FPbase.Caching.Versions;

namespace FPbase.Caching.Tests.Support;

/// <summary>
/// The library's in-memory store, with every bump recorded so a test can say exactly which
/// resources a write bumped; <see cref="Unreachable"/> makes bumps throw as an unreachable Redis would.
/// </summary>
internal sealed class RecordingVersionStore : IResourceVersionStore
{
    private readonly InMemoryResourceVersionStore _inner = new();
    private readonly ConcurrentQueue<string[]> _bumps = new();

    public bool Unreachable { get; set; }

    /// <summary>Runs as a bump starts (a test can hang up the writer's request there).</summary>
    public Action? BeforeBump { get; set; }

    /// <summary>How long each bump takes, as a round trip to Redis would.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every successful bump, in order, each as the sorted set of resources.</summary>
    public IReadOnlyList<string[]> Bumps => _bumps.ToArray();

    /// <summary>The union of everything bumped so far, sorted.</summary>
    public string[] Bumped => _bumps.SelectMany(b => b).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    public void Clear() => _bumps.Clear();

    public ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken)
        => _inner.GetStampAsync(resources, cancellationToken);

    public async Task<string> StampAsync(params string[] resources)
        => await _inner.GetStampAsync(resources, CancellationToken.None) ?? throw new InvalidOperationException("The in-memory store always answers.");

    public async Task BumpAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        BeforeBump?.Invoke();
        if (Unreachable)
        {
            throw new TimeoutException("The version store is unreachable (test).");
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _inner.BumpAsync(resources, cancellationToken);
        _bumps.Enqueue(resources.Order(StringComparer.Ordinal).ToArray());
    }
}
