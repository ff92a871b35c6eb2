using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Diagnostics;

/// <summary>
/// The caching library's instruments, on the meter <see cref="MeterName"/> (any OpenTelemetry or
/// <c>dotnet-counters</c> listener can read them). Tags have bounded values: the endpoint's cache name (one per
/// cached endpoint), the outcome (below), and a resource's kind (the part of its name before <c>:</c>).
/// <list type="bullet">
/// <item><c>fpbase.cache.responses</c>: cached endpoints' answers by <c>outcome</c>: <c>not_modified</c> (304 before
/// the endpoint ran), <c>payload</c> (200 from stored bytes), <c>build</c> (200 built by this request, then stored),
/// <c>bypass</c> (the endpoint ran uncached: no trusted version, a non-200, payloads off), <c>precondition_failed</c>
/// (412, or 503 when an If-Match cannot be checked), <c>write</c> (an unsafe method passed to the endpoint).</item>
/// <item><c>fpbase.cache.payload.bytes</c>: bytes of stored payloads sent, tagged <c>coding</c>;
/// <c>fpbase.cache.payload.identity_bytes</c>: what the same answers would have sent uncompressed.</item>
/// <item><c>fpbase.cache.build.duration</c>: seconds a payload build took (the endpoint plus compression).</item>
/// <item><c>fpbase.cache.bumps</c>: resources bumped after a commit or by the outbox drainer, by <c>kind</c>.</item>
/// <item><c>fpbase.cache.memory.size</c> and <c>fpbase.cache.memory.limit</c>: payload bytes this instance keeps in
/// memory (the memory cache's own estimate) and what they are held to: the budget (<c>HttpCaching:PayloadMemoryBytes</c>)
/// less the builds' pool of free blocks.</item>
/// <item><c>fpbase.cache.bump.wait</c>: seconds a writer's bump waited, after Redis took it, for the other instances:
/// their acknowledgements, or their leases to run out (the bump-to-all-instances latency). With
/// <c>fpbase.cache.bump.lease_expiries</c>: instances a bump waited out instead of hearing from (dead, stuck, or whose
/// acknowledgements do not arrive; anything but a few after an instance dies is worth a look).</item>
/// <item><c>fpbase.cache.store.errors</c>: version-store calls that failed or timed out, by <c>operation</c> (<c>read</c>,
/// <c>bump</c>, <c>renew</c>); <c>fpbase.cache.store.circuit</c>: 1 while the read circuit is open (lookups answer
/// without validators), else 0.</item>
/// <item><c>fpbase.cache.outbox.unconfirmed</c>: outbox rows past their grace period at the drainer's last pass (at
/// most 500 a pass): committed writes whose bumps wait for the version store. Above zero for more than a pass or two,
/// Redis is not taking bumps (or an edge node is not taking purges).</item>
/// <item><c>fpbase.cache.edge.purges</c>: PURGE requests to edge nodes by <c>outcome</c>: <c>done</c> (the node
/// answered 200), <c>retried</c> (an attempt failed and is tried again), <c>failed</c> (a node kept failing past
/// <c>HttpCaching:Edge:PurgeTimeout</c>: the write was refused and the outbox purges it).</item>
/// </list>
/// </summary>
public sealed class CacheMetrics
{
    /// <summary>The meter's name, to subscribe to (<c>AddMeter(CacheMetrics.MeterName)</c>).</summary>
    public const string MeterName = "FPbase.Caching";

    private readonly Counter<long> _responses;
    private readonly Counter<long> _payloadBytes;
    private readonly Counter<long> _identityBytes;
    private readonly Histogram<double> _buildDuration;
    private readonly Counter<long> _bumps;
    private readonly Histogram<double> _bumpWait;
    private readonly Counter<long> _leaseExpiries;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _edgePurges;
    private long _outboxUnconfirmed;
    private int _circuitOpen;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (registered by AddHttpCaching).</summary>
    public CacheMetrics(IMeterFactory meterFactory)
        : this(meterFactory, null, null)
    {
    }

    /// <summary>The same, with gauges of the payloads held in <paramref name="memoryCache"/> against its size limit.</summary>
    public CacheMetrics(IMeterFactory meterFactory, IMemoryCache? memoryCache, IOptions<MemoryCacheOptions>? memoryOptions)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        if (memoryCache is not null)
        {
            meter.CreateObservableGauge("fpbase.cache.memory.size", () => memoryCache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0, "By", "Payload bytes held in memory.");
            meter.CreateObservableGauge("fpbase.cache.memory.limit", () => memoryOptions?.Value.SizeLimit ?? 0, "By", "The payload entries' share of the memory budget (the rest is the builds' pool of free blocks).");
        }

        meter.CreateObservableGauge("fpbase.cache.outbox.unconfirmed", () => Volatile.Read(ref _outboxUnconfirmed), "{row}", "Outbox rows past their grace period at the last drain.");
        _responses = meter.CreateCounter<long>("fpbase.cache.responses", "{response}", "Cached endpoints' answers by outcome.");
        _payloadBytes = meter.CreateCounter<long>("fpbase.cache.payload.bytes", "By", "Bytes of stored payloads sent.");
        _identityBytes = meter.CreateCounter<long>("fpbase.cache.payload.identity_bytes", "By", "Bytes the same answers would have sent uncompressed.");
        _buildDuration = meter.CreateHistogram<double>("fpbase.cache.build.duration", "s", "How long a payload build took.");
        _bumps = meter.CreateCounter<long>("fpbase.cache.bumps", "{resource}", "Resources bumped, by kind.");
        _bumpWait = meter.CreateHistogram<double>("fpbase.cache.bump.wait", "s", "How long a bump waited for the other instances.");
        _leaseExpiries = meter.CreateCounter<long>("fpbase.cache.bump.lease_expiries", "{instance}", "Instances a bump waited out instead of hearing their acknowledgement.");
        _storeErrors = meter.CreateCounter<long>("fpbase.cache.store.errors", "{call}", "Version-store calls that failed or timed out, by operation.");
        _edgePurges = meter.CreateCounter<long>("fpbase.cache.edge.purges", "{request}", "PURGE requests to edge nodes, by outcome.");
        meter.CreateObservableGauge("fpbase.cache.store.circuit", () => Volatile.Read(ref _circuitOpen), "{state}", "1 while the version store's read circuit is open.");
    }

    internal void Answered(string endpoint, string outcome)
        => _responses.Add(1, new TagList { { "endpoint", endpoint }, { "outcome", outcome } });

    internal void PayloadSent(string endpoint, Payloads.PayloadEntry entry, Http.ContentCoding coding)
    {
        var tags = new TagList { { "endpoint", endpoint }, { "coding", Http.ContentCodingNegotiator.HeaderValue(coding) ?? "identity" } };
        _payloadBytes.Add(entry.Body(coding).Length, tags);
        _identityBytes.Add(entry.Identity.Length, tags);
    }

    internal void Built(string endpoint, TimeSpan duration)
        => _buildDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("endpoint", endpoint));

    internal void Bumped(IEnumerable<string> resources)
    {
        if (!_bumps.Enabled)
        {
            return;
        }

        foreach (var group in resources.GroupBy(KindOf, StringComparer.Ordinal))
        {
            _bumps.Add(group.Count(), new KeyValuePair<string, object?>("kind", group.Key));
        }
    }

    internal void BumpWaited(TimeSpan waited, int leaseExpiries)
    {
        _bumpWait.Record(waited.TotalSeconds);
        if (leaseExpiries > 0)
        {
            _leaseExpiries.Add(leaseExpiries);
        }
    }

    internal void StoreFailed(string operation) => _storeErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));

    internal void EdgePurged(string outcome) => _edgePurges.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    internal void CircuitChanged(bool open) => Volatile.Write(ref _circuitOpen, open ? 1 : 0);

    internal void OutboxSeen(int unconfirmed) => Volatile.Write(ref _outboxUnconfirmed, unconfirmed);

    private static string KindOf(string resource)
    {
        var colon = resource.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? resource : resource[..colon];
    }

    /// <summary>The outcomes of <c>fpbase.cache.responses</c> (its <c>outcome</c> tag's values).</summary>
    public static class Outcomes
    {
        /// <summary>A 304 before the endpoint ran.</summary>
        public const string NotModified = "not_modified";
        /// <summary>A 200 from stored bytes.</summary>
        public const string Payload = "payload";
        /// <summary>A 200 built by this request, then stored.</summary>
        public const string Build = "build";
        /// <summary>The endpoint ran uncached (no trusted version, a non-200, payloads off).</summary>
        public const string Bypass = "bypass";
        /// <summary>A 412, or a 503 when an If-Match cannot be checked.</summary>
        public const string PreconditionFailed = "precondition_failed";
        /// <summary>An unsafe method passed to the endpoint.</summary>
        public const string Write = "write";
    }

    /// <summary>The outcomes of <c>fpbase.cache.edge.purges</c>.</summary>
    internal static class PurgeOutcomes
    {
        public const string Done = "done";
        public const string Retried = "retried";
        public const string Failed = "failed";
    }

    /// <summary>The operations of <c>fpbase.cache.store.errors</c>.</summary>
    internal static class StoreOperations
    {
        public const string Read = "read";
        public const string Bump = "bump";
        public const string Renew = "renew";
    }
}
