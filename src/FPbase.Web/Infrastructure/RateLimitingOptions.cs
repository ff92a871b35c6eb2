namespace FPbase.Web.Infrastructure;

/// <summary>Settings of section <c>RateLimiting</c>: requests per minute on <c>/api/*</c> and <c>/graphql/</c>.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Anonymous clients, per client IP address. FPbase: 60.</summary>
    public int AnonymousPerMinute { get; set; } = 60;

    /// <summary>Logged-in users and API tokens, per user. FPbase: 300.</summary>
    public int UserPerMinute { get; set; } = 300;
}
