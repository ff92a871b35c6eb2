using FPbase.Caching;
using FPbase.Web.Tests.Browser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Routes;

/// <summary>A GET route of the real app: its template, the methods mapped on it, whether it is on the caching middleware.</summary>
public sealed record AuditedRoute(string Template, IReadOnlySet<string> Methods, bool HasParameters, bool Cached, bool StaticAsset, string DisplayName)
{
    public bool AnswersGet => Methods.Contains(HttpMethods.Get) || Methods.Contains("*");
}

/// <summary>One URL requested with GET and with HEAD.</summary>
public sealed record Exchange(AuditedRoute Route, string Url, Answer Get, Answer Head);

/// <summary>
/// A 200's URL asked again three times: its ETag sent back to the ETag filter (the shortcut has forgotten every URL,
/// and learns this one again), then the same to the shortcut, then a plain GET, which the shortcut answers from memory;
/// <c>ByShortcut</c>: the shortcut counted both of its answers.
/// </summary>
public sealed record Revalidation(Exchange Exchange, Answer First, Answer Second, Answer Again, bool ByShortcut);

public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? CacheControl => Headers.GetValueOrDefault("Cache-Control");

    /// <summary>The start of the body, for failure messages.</summary>
    public string Excerpt => System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
}

/// <summary>
/// Every endpoint of the real site (its <see cref="EndpointDataSource"/>), and every GET route requested
/// once with GET and once with HEAD, with sample values from the seeded database. Built once per test
/// class, on Kestrel: what a client receives on the wire.
/// </summary>
public sealed class RouteAudit : IAsyncLifetime
{
    private KestrelSite? _site;

    public IReadOnlyList<AuditedRoute> Routes { get; private set; } = [];

    public IReadOnlyList<Exchange> Exchanges { get; private set; } = [];

    public IReadOnlyList<Revalidation> Revalidations { get; private set; } = [];

    /// <summary>HttpCaching:FreshnessClasses, name to Cache-Control value.</summary>
    public IReadOnlyDictionary<string, string> FreshnessClasses { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _site = await KestrelSite.StartAsync();
        var app = _site;
        FreshnessClasses = app.Services.GetRequiredService<IConfiguration>().GetSection("HttpCaching:FreshnessClasses")
            .GetChildren().ToDictionary(c => c.Key, c => Normalized(c.Value ?? ""));
        Routes = Enumerate(app.Services.GetRequiredService<EndpointDataSource>());
        var samples = await app.WithDbAsync(SampleValues.LoadAsync);

        using var client = app.CreateWireClient();

        // The FRET pages show "computing" until the background worker's first list, then the current list: a GET
        // and a HEAD on either side of that moment would differ. Nothing changes the data during the audit.
        await Fret.FretRequests.WaitForCurrentAsync(client);
        var exchanges = new List<Exchange>();
        foreach (var route in Routes.Where(r => r.AnswersGet))
        {
            var urls = RouteSamples.ByTemplate.TryGetValue(route.Template, out var sample) ? sample(samples)
                : route.HasParameters ? []
                : [route.Template];
            foreach (var url in urls)
            {
                exchanges.Add(new Exchange(route, url, await SendAsync(client, HttpMethod.Get, url), await SendAsync(client, HttpMethod.Head, url)));
            }
        }

        foreach (var url in RouteSamples.OutsideRouting)
        {
            var route = new AuditedRoute(url, new HashSet<string> { HttpMethods.Get, HttpMethods.Head }, false, false, false, "middleware before routing");
            exchanges.Add(new Exchange(route, url, await SendAsync(client, HttpMethod.Get, url), await SendAsync(client, HttpMethod.Head, url)));
        }

        Exchanges = exchanges;
        var shortcut = app.Services.GetRequiredService<FPbase.Caching.Http.Shortcut.ShortcutRoutes>();
        var revalidations = new List<Revalidation>();
        foreach (var e in exchanges.Where(e => e.Get.Status == 200 && e.Get.Headers.ContainsKey("ETag")))
        {
            var etag = e.Get.Headers["ETag"];
            shortcut.Forget();
            var first = await SendAsync(client, HttpMethod.Get, e.Url, etag);
            var answered = shortcut.Answered;
            var second = await SendAsync(client, HttpMethod.Get, e.Url, etag);
            var again = await SendAsync(client, HttpMethod.Get, e.Url);
            revalidations.Add(new Revalidation(e, first, second, again, shortcut.Answered == answered + 2));
        }

        Revalidations = revalidations;
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    private static List<AuditedRoute> Enumerate(EndpointDataSource endpoints)
        => endpoints.Endpoints.OfType<RouteEndpoint>()
            .GroupBy(e => Rooted(e.RoutePattern.RawText ?? ""), StringComparer.Ordinal)
            .Select(g => new AuditedRoute(
                g.Key,
                g.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).ToHashSet(StringComparer.OrdinalIgnoreCase),
                g.Any(e => e.RoutePattern.Parameters.Count > 0),
                g.All(e => e.Metadata.GetMetadata<CacheResourcesAttribute>() is not null),
                g.All(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null),
                string.Join(" | ", g.Select(e => e.DisplayName).Distinct())))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();

    // As HttpClient writes a parsed Cache-Control back ("private, no-cache" becomes "no-cache, private"), so that the
    // classes compare with the headers the audit reads.
    private static string Normalized(string cacheControl)
        => System.Net.Http.Headers.CacheControlHeaderValue.TryParse(cacheControl, out var parsed) ? parsed.ToString() : cacheControl;

    private static string Rooted(string template) => template.StartsWith('/') ? template : "/" + template;

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }
}
