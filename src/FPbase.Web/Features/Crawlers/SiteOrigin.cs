using FPbase.Caching;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Crawlers;

/// <summary>
/// <c>Site:Origin</c>: the scheme and host the site's absolute URLs use (the sitemap's <c>&lt;loc&gt;</c>, robots.txt's
/// <c>Sitemap:</c> line, the help page's examples), e.g. <c>https://www.fpbase.org</c>. Unset, each request's own
/// scheme and Host are used, and the response varies with them (<see cref="SiteOriginResolver"/>).
/// </summary>
internal sealed class SiteOriginOptions
{
    public const string Section = "Site";

    public string? Origin { get; set; }
}

/// <summary>Refuses an origin that is not an absolute http(s) URL without a path, query or fragment.</summary>
internal sealed class SiteOriginOptionsValidator : IValidateOptions<SiteOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOriginOptions options)
        => string.IsNullOrEmpty(options.Origin) || SiteOriginResolver.TryNormalize(options.Origin, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Site:Origin is '{options.Origin}', not an absolute http or https URL without a path (e.g. https://www.fpbase.org)");
}

/// <summary>
/// The origin of a response's absolute URLs, in its variant: the configured <c>Site:Origin</c>, or else the request's
/// scheme and Host (lower-cased). Names no resource of its own (the endpoint declares them). Each Host a client sends
/// is one more variant when no origin is configured: one build each, kept in the size-limited payload cache.
/// </summary>
internal sealed class SiteOriginResolver(IOptions<SiteOriginOptions> options) : IRequestResourceResolver
{
    public const string ItemKey = "fpbase.site-origin";

    public ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = Of(context, options.Value);
        context.Items[ItemKey] = origin;
        return ValueTask.FromResult<ResolvedResources?>(new ResolvedResources([], (context.Request.QueryString.Value ?? "") + "\norigin=" + origin));
    }

    /// <summary>The origin the resolver chose for this request (the same value as its variant).</summary>
    public static string For(HttpContext context)
        => context.Items[ItemKey] as string ?? throw new InvalidOperationException("This endpoint needs SiteOriginResolver ([CacheResources(Resolver = ...)]).");

    private static string Of(HttpContext context, SiteOriginOptions options)
    {
        if (!string.IsNullOrEmpty(options.Origin) && TryNormalize(options.Origin, out var configured))
        {
            return configured;
        }

        var request = context.Request;
        return TryNormalize($"{request.Scheme}://{request.Host.Value}", out var own) ? own : "http://localhost";
    }

    public static bool TryNormalize(string value, out string origin)
    {
        origin = "";
        if (value.Length > 300 || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return true;
    }
}
