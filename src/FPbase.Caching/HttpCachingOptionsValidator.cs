using FPbase.Caching.Http;
using Microsoft.Extensions.Options;

namespace FPbase.Caching;

/// <summary>
/// Refuses a policy that names a freshness class it does not define, or a timeout that is not
/// positive, at start-up (and on reload) rather than on the first request; and, with the endpoints
/// <c>UseHttpCaching</c> serves, an endpoint whose <see cref="CacheResourcesAttribute"/> contradicts it.
/// </summary>
internal sealed class HttpCachingOptionsValidator(CachedEndpoints? endpoints = null) : IValidateOptions<HttpCachingOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpCachingOptions options)
    {
        var failures = new List<string>();
        void RequireClass(string key, string? value)
        {
            if (value is null || !options.FreshnessClasses.ContainsKey(value))
            {
                failures.Add($"{HttpCachingOptions.SectionName}:{key} names freshness class '{value}', which {HttpCachingOptions.SectionName}:FreshnessClasses does not define.");
            }
        }

        RequireClass(nameof(options.DefaultClass), options.DefaultClass);
        RequireClass(nameof(options.PrivateClass), options.PrivateClass);
        foreach (var (endpoint, freshnessClass) in options.Endpoints)
        {
            failures.Add($"{HttpCachingOptions.SectionName}:Endpoints:{endpoint} names freshness class '{freshnessClass}', but the setting is no longer read: set FreshnessClass on the endpoint's [CacheResources] instead.");
        }

        foreach (var (endpoint, metadata) in endpoints?.All ?? [])
        {
            if (metadata.FreshnessClass is not { } freshnessClass)
            {
                continue;
            }

            if (metadata.VaryByUser)
            {
                failures.Add($"Endpoint '{endpoint}' sets FreshnessClass '{freshnessClass}' and VaryByUser: a per-user response always uses {HttpCachingOptions.SectionName}:{nameof(options.PrivateClass)}, so remove FreshnessClass.");
            }
            else if (!options.FreshnessClasses.ContainsKey(freshnessClass))
            {
                failures.Add($"Endpoint '{endpoint}' names freshness class '{freshnessClass}', which {HttpCachingOptions.SectionName}:FreshnessClasses does not define.");
            }
        }

        foreach (var (key, value) in new[]
        {
            (nameof(options.StoreTimeout), options.StoreTimeout),
            (nameof(options.BumpTimeout), options.BumpTimeout),
            (nameof(options.BreakDuration), options.BreakDuration),
            (nameof(options.LeaseDuration), options.LeaseDuration),
            (nameof(options.PayloadExpiration), options.PayloadExpiration),
            (nameof(options.OutboxPollInterval), options.OutboxPollInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{HttpCachingOptions.SectionName}:{key} must be positive.");
            }
        }

        // The Redis store's timeout and circuit breaker (Polly) refuse shorter values when the store
        // is built, with an error that names neither the setting nor the section: refuse them here.
        if (options.StoreTimeout > TimeSpan.Zero && options.StoreTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.StoreTimeout)} must be at least 10 ms.");
        }

        if (options.BreakDuration > TimeSpan.Zero && options.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.BreakDuration)} must be at least 0.5 s.");
        }

        if (options.ReplicaAcknowledgements < 0)
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.ReplicaAcknowledgements)} must not be negative.");
        }

        if (options.LeaseDuration > TimeSpan.Zero && options.LeaseDuration < TimeSpan.FromMilliseconds(200))
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.LeaseDuration)} must be at least 200 ms.");
        }

        if (options.MaximumPayloadBytes <= 0 || options.MaximumPayloadBytes > options.PayloadMemoryBytes * PayloadShareOfMemory)
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.MaximumPayloadBytes)} must be positive and at most a quarter of {HttpCachingOptions.SectionName}:{nameof(options.PayloadMemoryBytes)}.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.KeyPrefix)} must not be empty.");
        }

        ValidateEdge(options.Edge, failures);

        if (options.ShortcutRoutes < 0)
        {
            failures.Add($"{HttpCachingOptions.SectionName}:{nameof(options.ShortcutRoutes)} must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEdge(EdgeCacheOptions edge, List<string> failures)
    {
        const string section = HttpCachingOptions.SectionName + ":Edge";
        for (var i = 0; i < edge.Nodes.Count; i++)
        {
            if (!Uri.TryCreate(edge.Nodes[i], UriKind.Absolute, out var node) || node.Scheme is not ("http" or "https")
                || node.PathAndQuery != "/" || !string.IsNullOrEmpty(node.UserInfo))
            {
                failures.Add($"{section}:Nodes:{i} must be the base address of an edge node (http://host:port), not '{edge.Nodes[i]}'.");
            }
        }

        if (edge.TimeToLive < TimeSpan.FromSeconds(1) || edge.TimeToLive > TimeSpan.FromDays(30))
        {
            failures.Add($"{section}:{nameof(edge.TimeToLive)} must be between 1 s and 30 days.");
        }

        if (edge.PurgeTimeout < TimeSpan.FromMilliseconds(100) || edge.PurgeTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:{nameof(edge.PurgeTimeout)} must be between 0.1 s and 1 minute.");
        }
    }

    /// <summary>The largest share of the payload memory one payload may take, and what one compaction frees.</summary>
    internal const double PayloadShareOfMemory = 0.25;
}
