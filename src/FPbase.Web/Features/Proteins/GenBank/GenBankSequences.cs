using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// GenBank records, one cache entry per accession living <see cref="GenBankOptions.Lifetime"/> (24 h), in a memory
/// cache of its own bounded by <see cref="GenBankOptions.MaxEntries"/>. Asking for one that is neither kept nor in
/// flight queues it for <see cref="GenBankFetcher"/>, which asks Entrez for the queued accessions together; each
/// accession is in flight at most once. A failed fetch keeps nothing (the next ask tries again, behind the circuit
/// breaker); a well-formed answer that lacks an accession keeps its absence for the lifetime, as GenBank's answer.
/// Nobody waits here longer than the budget they name.
/// </summary>
public sealed class GenBankSequences : IDisposable
{
    private readonly MemoryCache _records;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<GenBankRecord?>> _inFlight = new(StringComparer.Ordinal);
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IOptionsMonitor<GenBankOptions> _options;
    private volatile bool _disposed;

    public GenBankSequences(IOptionsMonitor<GenBankOptions> options)
    {
        _options = options;
        _records = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CurrentValue.MaxEntries });
    }

    internal ChannelReader<string> Queue => _queue.Reader;

    /// <summary>The record kept for <paramref name="accession"/> (a parsed accession), if any.</summary>
    public GenBankRecord? Kept(string accession) => !_disposed && _records.TryGetValue(accession, out GenBankRecord? record) ? record : null;

    /// <summary>Starts fetching <paramref name="accession"/> unless it is kept or already in flight; never waits.</summary>
    public void Request(string accession) => _ = InFlight(accession, start: true);

    /// <summary>
    /// The record if it is kept or lands within <paramref name="budget"/>; otherwise pending (still in flight) or
    /// unavailable (the fetch failed). Starts the fetch when <paramref name="start"/> is true; otherwise only waits for
    /// one already in flight.
    /// </summary>
    public async Task<GenBankLookup> GetAsync(string accession, TimeSpan budget, bool start, CancellationToken cancellationToken)
    {
        if (Kept(accession) is { } kept)
        {
            return GenBankLookup.Ready(kept);
        }

        if (InFlight(accession, start) is not { } fetch)
        {
            return GenBankLookup.Pending;
        }

        try
        {
            var record = await fetch.WaitAsync(budget, cancellationToken).ConfigureAwait(false);
            return record is null ? GenBankLookup.Unavailable : GenBankLookup.Ready(record);
        }
        catch (TimeoutException)
        {
            return GenBankLookup.Pending;
        }
    }

    private Task<GenBankRecord?>? InFlight(string accession, bool start)
    {
        if (!start)
        {
            return _inFlight.TryGetValue(accession, out var existing) ? existing.Task : null;
        }

        var mine = new TaskCompletionSource<GenBankRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetch = _inFlight.GetOrAdd(accession, mine);
        if (fetch == mine)
        {
            // Landed between the caller's look and now: nothing to fetch.
            if (Kept(accession) is { } kept)
            {
                _inFlight.TryRemove(new KeyValuePair<string, TaskCompletionSource<GenBankRecord?>>(accession, mine));
                mine.TrySetResult(kept);
            }
            else
            {
                _queue.Writer.TryWrite(accession);
            }
        }

        return fetch.Task;
    }

    /// <summary>Keeps what Entrez said about <paramref name="accession"/>, then lets its waiters go.</summary>
    internal void Land(GenBankRecord record)
    {
        if (_disposed)
        {
            // A fetch that outlived the host's shutdown: nobody is left to read it.
            return;
        }

        _records.Set(record.Accession, record, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = _options.CurrentValue.Lifetime,
            Size = 1,
        });
        if (_inFlight.TryRemove(record.Accession, out var fetch))
        {
            fetch.TrySetResult(record);
        }
    }

    /// <summary>The fetch of <paramref name="accession"/> failed: nothing is kept, and its waiters learn it is unavailable.</summary>
    internal void Fail(string accession)
    {
        if (_inFlight.TryRemove(accession, out var fetch))
        {
            fetch.TrySetResult(null);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
        foreach (var fetch in _inFlight.Values)
        {
            fetch.TrySetResult(null);
        }

        _records.Dispose();
    }
}
