using FPbase.Caching.Diagnostics;

namespace FPbase.Web.Features.Staff.CacheDashboard;

/// <summary>What the cache did in one interval of <see cref="CacheActivityRecorder"/>.</summary>
/// <param name="Start">When the interval began.</param>
/// <param name="Answers">Cached endpoints' answers by outcome (<c>not_modified</c>, <c>payload</c>, <c>build</c>, <c>bypass</c>, ...).</param>
/// <param name="PayloadBytes">Bytes of stored payloads sent.</param>
/// <param name="IdentityBytes">What the same answers would have sent uncompressed.</param>
/// <param name="Bumps">Resources bumped.</param>
public sealed record ActivityInterval(DateTimeOffset Start, IReadOnlyDictionary<string, long> Answers, long PayloadBytes, long IdentityBytes, long Bumps)
{
    public long Total => Answers.Values.Sum();

    public long Count(string outcome) => Answers.GetValueOrDefault(outcome);

    /// <summary>Answers that cost no build: 304s and payloads served from memory.</summary>
    public long Hits => Count(CacheMetrics.Outcomes.NotModified) + Count(CacheMetrics.Outcomes.Payload);
}

/// <summary>A slow payload build: which endpoint, how long, when it finished.</summary>
public sealed record SlowBuild(string Endpoint, TimeSpan Duration, DateTimeOffset At);

/// <summary>The bumps of one resource kind since this instance started.</summary>
public sealed record KindBumps(string Kind, long Count, DateTimeOffset Last);

/// <summary>Everything the recorder holds, as of <paramref name="At"/>.</summary>
public sealed record CacheActivity(
    DateTimeOffset At,
    DateTimeOffset Since,
    IReadOnlyList<ActivityInterval> Intervals,
    IReadOnlyList<SlowBuild> SlowestBuilds,
    IReadOnlyList<KindBumps> Bumps,
    IReadOnlyDictionary<string, long> StoreErrors,
    long LeaseExpiries,
    IReadOnlyList<double> RecentBumpWaits,
    bool CircuitOpen,
    long OutboxUnconfirmed,
    long MemoryBytes,
    long MemoryLimitBytes,
    IReadOnlyDictionary<string, long> EdgePurges);
