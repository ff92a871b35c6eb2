using System.Collections.Concurrent;

namespace FPbase.Caching.Versions;

/// <summary>
/// This instance's copy of the versions it has read, so that a 304 needs no network round trip.
/// It is trusted only while bump notifications are known to arrive; a read is stored only when no
/// notification came in between, so an old value can never overwrite a newer bump.
/// </summary>
internal sealed class LocalVersionCache
{
    private const string EpochKey = "\0epoch";
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;
    private volatile bool _trusted;

    public bool IsTrusted => _trusted;

    /// <summary>Changes whenever the copy loses entries; read it before asking the store.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGetStamp(IReadOnlyList<string> resources, out string stamp)
    {
        stamp = string.Empty;
        if (!_trusted || !_tokens.TryGetValue(EpochKey, out var epoch))
        {
            return false;
        }

        var tokens = new string[resources.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!_tokens.TryGetValue(resources[i], out var token))
            {
                return false;
            }

            tokens[i] = token;
        }

        stamp = VersionStamp.Create(epoch, tokens);
        return _trusted;
    }

    public void Store(long generationAtRead, string epoch, IReadOnlyList<string> resources, IReadOnlyList<string> tokens)
    {
        lock (_gate)
        {
            if (!_trusted || _generation != generationAtRead)
            {
                return;
            }

            _tokens[EpochKey] = epoch;
            for (var i = 0; i < resources.Count; i++)
            {
                _tokens[resources[i]] = tokens[i];
            }
        }
    }

    public void Invalidate(IEnumerable<string> resources)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var resource in resources)
            {
                _tokens.TryRemove(resource, out _);
            }
        }
    }

    /// <summary>Forget everything and stop answering until <see cref="Trust"/>.</summary>
    public void Distrust()
    {
        lock (_gate)
        {
            _trusted = false;
            _generation++;
            _tokens.Clear();
        }
    }

    /// <summary>Notifications are known to arrive again: start afresh and answer from memory.</summary>
    public void Trust()
    {
        lock (_gate)
        {
            if (_trusted)
            {
                return;
            }

            _generation++;
            _tokens.Clear();
            _trusted = true;
        }
    }
}
