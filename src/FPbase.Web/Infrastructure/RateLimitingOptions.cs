namespace FPbase.Web.Infrastructure;

/// <summary>
/// Settings of section <c>RateLimiting</c>: what a client may spend a minute. A request to <c>/api/*</c> or
/// <c>/graphql/</c> that reaches an endpoint (a payload build, an uncached GraphQL query, a write, anything not
/// cached) costs the full price, and so does every build of a cached page; a 304 or a payload served from the cache
/// costs <c>1 / CachedAnswersPerRequest</c> of it on the API, nothing on pages.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Full-price requests a minute from an anonymous client, per client IP address. FPbase: 60.</summary>
    public int AnonymousPerMinute { get; set; } = 60;

    /// <summary>Full-price requests a minute from a logged-in user or API token, per user. FPbase: 300.</summary>
    public int UserPerMinute { get; set; } = 300;

    /// <summary>
    /// How many answers from the cache (304s, cached payloads) cost as much as one full-price request: an anonymous
    /// client may revalidate 60 × 20 = 1,200 times a minute. Default 20.
    /// </summary>
    public int CachedAnswersPerRequest { get; set; } = 20;

    /// <summary>
    /// How many seconds' worth of a budget a client may spend at once (1 to 60): each budget is a token bucket that
    /// holds <c>perMinute × BurstSeconds / 60</c> permits and refills at <c>perMinute</c> a minute, so a client
    /// that was quiet can burst, and nobody can spend a whole minute's work in one second. Default 10: an anonymous
    /// client may start 10 builds at once and one a second after that.
    /// </summary>
    public int BurstSeconds { get; set; } = 10;
}
