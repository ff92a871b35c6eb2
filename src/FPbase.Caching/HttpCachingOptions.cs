namespace FPbase.Caching;

/// <summary>
/// The one central HTTP caching policy: freshness classes (an endpoint names its class in its
/// <see cref="CacheResourcesAttribute"/>), per-resource runtime switches and the timeouts that keep a failing
/// store from hurting requests. Bound from the <c>HttpCaching</c> configuration section and reloaded without a restart.
/// </summary>
public sealed class HttpCachingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "HttpCaching";

    /// <summary>
    /// Named freshness classes and the <c>Cache-Control</c> value each sends. Defaults:
    /// <c>public</c>, <c>private</c> and <c>no-store</c>. <c>public</c> is <c>public, no-cache</c>: browsers
    /// and shared caches may store a response but must revalidate it on every use (a 304 of a few
    /// hundred bytes), so nobody is shown a copy from before an edit.
    /// </summary>
    public Dictionary<string, string> FreshnessClasses { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["public"] = "public, no-cache",
        ["private"] = "private, no-cache",
        ["no-store"] = "no-store",
    };

    /// <summary>
    /// Not read: an endpoint's freshness class is its <see cref="CacheResourcesAttribute.FreshnessClass"/>, and
    /// nothing else. Any entry (endpoint name to class, as older deploys had them) is refused at start, so that a
    /// setting meant to change an endpoint's Cache-Control is never silently ignored.
    /// </summary>
    public Dictionary<string, string> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The freshness class of a cached endpoint whose <see cref="CacheResourcesAttribute.FreshnessClass"/> is not set. Default <c>public</c>.</summary>
    public string DefaultClass { get; set; } = "public";

    /// <summary>The class of every response that depends on who asks (<see cref="CacheResourcesAttribute.VaryByUser"/>). Default <c>private</c>.</summary>
    public string PrivateClass { get; set; } = "private";

    /// <summary>
    /// Per-resource rollback switches. A resource missing here has ETags and payload caching on.
    /// </summary>
    public Dictionary<string, ResourceSwitch> Resources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Identifies the payload format. ETags and payload keys change when it changes, so a deploy that
    /// changes a payload's shape never validates an old copy. Default: a hash of every managed assembly in
    /// the application's folder and every file under the web root (<see cref="Http.PayloadFormat"/>).
    /// </summary>
    public string? FormatVersion { get; set; }

    /// <summary>Prefix of every Redis key and channel the library uses. Default <c>fpbase</c>.</summary>
    public string KeyPrefix { get; set; } = "fpbase";

    /// <summary>How long a version lookup may take before the request goes on without ETags. Default 50 ms.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a writer keeps trying to get its bump into the store (retrying with backoff) before
    /// its write is refused with <see cref="ResourceVersionsUnconfirmedException"/> and the bump is
    /// left to the outbox drainer. Default 5 s. A write waits at most this plus one lease.
    /// </summary>
    public TimeSpan BumpTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many Redis replicas must have a bump (WAIT) before it counts as applied, so that a failover
    /// cannot lose it. 0 for a single Redis; set it to the number of replicas Sentinel may promote.
    /// </summary>
    public int ReplicaAcknowledgements { get; set; }

    /// <summary>
    /// With replicas: the master's <c>min-replicas-max-lag</c> plus its replicas' one-second ACK period.
    /// After a failover, an old master that has not been told yet keeps accepting writes (lease
    /// renewals among them) until its replicas have been silent this long, so a writer that finds a new
    /// server state also waits this out. Default 3 s (run the masters with min-replicas-to-write 1 and
    /// min-replicas-max-lag 2).
    /// </summary>
    public TimeSpan ReplicaMaxLag { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the version store is left alone after it failed repeatedly. Default 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an instance may answer from its local copy of the versions after a renewal proved that
    /// notifications arrive; renewed every quarter of it. A writer whose bump an instance does not
    /// acknowledge waits this long at most. Must be the same on every instance. Default 2 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long cached payload bytes live in memory and in Redis. Default 1 hour.</summary>
    public TimeSpan PayloadExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest payload kept in the cache, in bytes, at most a quarter of <see cref="PayloadMemoryBytes"/>. Default 32 MiB.</summary>
    public int MaximumPayloadBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// The most payload bytes (every coding of every entry) this process keeps in memory: the size limit of the
    /// memory cache under HybridCache. Past it, the least recently used entries are evicted (and served again from
    /// Redis, or built again). Default 256 MiB, several times what the default seed's pages and lists take.
    /// </summary>
    public long PayloadMemoryBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How often the outbox of unconfirmed bumps is drained. Default 2 s.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How old an outbox row must be before any instance bumps it on the writer's behalf
    /// (the writer normally confirms within milliseconds). Default 10 s.
    /// </summary>
    public TimeSpan OutboxGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Shared caches in front that the site purges after every bump (<c>HttpCaching:Edge</c>); none by default.</summary>
    public EdgeCacheOptions Edge { get; set; } = new();

    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether revalidations of URLs the ETag filter has answered are answered first in the pipeline, before routing
    /// (<c>UseRevalidationShortcut</c>): the same 304 for less work. Default true; false sends every request the full way.
    /// </summary>
    public bool RevalidationShortcut { get; set; } = true;

    /// <summary>How many URLs the revalidation shortcut remembers (at most 512 characters each). Default 4,096.</summary>
    public int ShortcutRoutes { get; set; } = 4096;

    internal ResourceSwitch SwitchFor(string resource)
        => Resources.TryGetValue(resource, out var value) ? value : ResourceSwitch.On;

    /// <summary>Whether ETags and payload caching are on for a response built of <paramref name="resources"/>: on unless a switch of one of them is off.</summary>
    internal (bool ETags, bool Payloads) SwitchesFor(IReadOnlyList<string> resources)
    {
        if (Resources.Count == 0)
        {
            return (true, true);
        }

        bool etags = true, payloads = true;
        foreach (var resource in resources)
        {
            var value = SwitchFor(resource);
            etags &= value.ETags;
            payloads &= value.Payloads;
        }

        return (etags, payloads);
    }
}
