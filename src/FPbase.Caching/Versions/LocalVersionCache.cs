using System.Collections.Concurrent;

namespace FPbase.Caching.Versions;

/// <summary>
/// This instance's copy of the versions it has read, so that a 304 needs no network round trip.
/// It answers only under a lease: until a monotonic deadline set when a renewal heartbeat was read
/// in order with the bump notifications (so every bump published before the renewal has been
/// applied here). Writers wait for this instance's acknowledgement of each bump or for its lease to
/// run out, so once a write is acknowledged this copy no longer holds what it replaced.
/// A read is stored only when no notification came in between, so an old value can never
/// overwrite a newer bump; and all tokens in the copy belong to one state of the store (its epoch).
/// It holds at most <c>maxEntries</c> resources (default <see cref="DefaultMaxEntries"/>, a few MB): a
/// store that would pass it starts an empty copy instead, which only costs reads from the store.
/// </summary>
internal sealed class LocalVersionCache(TimeProvider time, int maxEntries = LocalVersionCache.DefaultMaxEntries)
{
    /// <summary>Several times the resources of the largest seed (100,000 spectra), so it is only reached by made-up names.</summary>
    public const int DefaultMaxEntries = 250_000;

    private readonly Lock _gate = new();
    private EpochState _state = new(string.Empty);
    private long _generation;
    private long _leaseExpiry;

    /// <summary>True while the lease runs (checked against the clock on every call, not by a timer).</summary>
    public bool IsTrusted => time.GetTimestamp() < Volatile.Read(ref _leaseExpiry);

    /// <summary>How many resources the copy holds.</summary>
    public int Count => Volatile.Read(ref _state).Tokens.Count;

    /// <summary>Changes whenever the copy loses entries; read it before asking the store.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGetStamp(IReadOnlyList<string> resources, out string stamp)
    {
        stamp = string.Empty;
        var state = Volatile.Read(ref _state);
        if (!IsTrusted || state.Epoch.Length == 0)
        {
            return false;
        }

        var tokens = new string[resources.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!state.Tokens.TryGetValue(resources[i], out var token))
            {
                return false;
            }

            tokens[i] = token;
        }

        stamp = VersionStamp.Create(state.Epoch, tokens);

        // The lease may have ended while the stamp was put together.
        return IsTrusted;
    }

    /// <summary>Keeps what a read returned, unless a notification arrived since it began or the lease is gone.</summary>
    public void Store(long generationAtRead, string epoch, IReadOnlyList<string> resources, IReadOnlyList<string> tokens)
    {
        lock (_gate)
        {
            if (!IsTrusted || _generation != generationAtRead)
            {
                return;
            }

            var state = Adopt(epoch);
            if (state.Tokens.Count + resources.Count > maxEntries)
            {
                // Dropping entries never makes a copy wrong (an in-flight read may still store what it read:
                // nothing was invalidated), so the generation stays.
                state = new EpochState(epoch);
                Volatile.Write(ref _state, state);
            }

            for (var i = 0; i < resources.Count; i++)
            {
                state.Tokens[resources[i]] = tokens[i];
            }
        }
    }

    public void Invalidate(IEnumerable<string> resources)
    {
        lock (_gate)
        {
            _generation++;
            var tokens = _state.Tokens;
            foreach (var resource in resources)
            {
                tokens.TryRemove(resource, out _);
            }
        }
    }

    /// <summary>
    /// A renewal has been read back in order with the bumps: trust the copy until <paramref name="expiry"/>
    /// (a timestamp counted from when the renewal was sent). A renewal that names another state of the
    /// store empties the copy first.
    /// </summary>
    public void Extend(long expiry, string epoch)
    {
        lock (_gate)
        {
            Adopt(epoch);
            if (expiry > _leaseExpiry)
            {
                Volatile.Write(ref _leaseExpiry, expiry);
            }
        }
    }

    /// <summary>Forget everything and stop answering until the next lease.</summary>
    public void Distrust()
    {
        lock (_gate)
        {
            Volatile.Write(ref _leaseExpiry, 0);
            _generation++;
            Volatile.Write(ref _state, new EpochState(string.Empty));
        }
    }

    /// <summary>The state for <paramref name="epoch"/>: the current one, or a new empty one replacing it.</summary>
    private EpochState Adopt(string epoch)
    {
        if (!string.Equals(_state.Epoch, epoch, StringComparison.Ordinal))
        {
            _generation++;
            Volatile.Write(ref _state, new EpochState(epoch));
        }

        return _state;
    }

    /// <summary>Replaced as a whole when the epoch changes, so a stamp never mixes two states' tokens.</summary>
    private sealed class EpochState(string epoch)
    {
        public string Epoch { get; } = epoch;

        public ConcurrentDictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);
    }
}
