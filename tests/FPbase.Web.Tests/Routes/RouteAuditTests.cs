using System.Globalization;
using System.Text.RegularExpressions;

namespace FPbase.Web.Tests.Routes;

/// <summary>
/// Every route of the site, including routes added after these tests were written, answers HEAD like
/// GET and carries exactly one freshness class. Each test lists every offender, not just the first.
/// </summary>
public sealed class RouteAuditTests(RouteAudit audit) : IClassFixture<RouteAudit>
{
    [Fact]
    public void TheAuditSeesTheSitesKnownRoutes()
    {
        // MVC's templates lose their trailing slash (the router matches with or without it).
        var templates = audit.Routes.Select(r => r.Template).ToList();
        Assert.Contains("/", templates);
        Assert.Contains("/api/spectra-list", templates);
        Assert.Contains("/spectra", templates);
        Assert.Contains("/livez", templates);
        Assert.Contains("/healthz", templates);
        Assert.Contains(audit.Exchanges, e => e.Url == "/protein/egfp/" && e.Get.Status == 200);
    }

    [Fact]
    public void EveryGetRouteWithParametersHasSampleUrls()
    {
        var missing = audit.Routes.Where(r => r.AnswersGet && r.HasParameters && !RouteSamples.ByTemplate.ContainsKey(r.Template))
            .Select(r => $"{r.Template} ({r.DisplayName}): no sample URLs; add real values for it to Routes/RouteSamples.cs (ByTemplate)");
        var stale = RouteSamples.ByTemplate.Keys.Where(t => audit.Routes.All(r => r.Template != t))
            .Select(t => $"{t}: has sample URLs in Routes/RouteSamples.cs but no such route is mapped; remove or rename the entry");
        AssertNone(missing.Concat(stale));
    }

    [Fact]
    public void EveryGetRouteAlsoMapsHead()
    {
        AssertNone(audit.Routes.Where(r => r.AnswersGet && !r.Methods.Contains("HEAD") && !r.Methods.Contains("*"))
            .Select(r => $"{r.Template}: maps {string.Join(", ", r.Methods.Order())} but not HEAD"));
    }

    [Fact]
    public void EverySampleUrlAnswers200UnlessListedOtherwise()
    {
        AssertNone(audit.Exchanges
            .Select(e => (e, expected: RouteSamples.NotOk.TryGetValue(e.Url, out var notOk) ? notOk.Status : 200))
            .Where(x => x.e.Get.Status != x.expected)
            .Select(x => $"GET {x.e.Url}: {x.e.Get.Status}, expected {x.expected} (a sample that does not answer 200 audits nothing): {x.e.Get.Excerpt}"));
    }

    [Fact]
    public void HeadAnswersWithTheSameStatusAndHeadersAsGetAndNoBody()
    {
        AssertNone(audit.Exchanges.SelectMany(HeadDifferences));
    }

    [Fact]
    public void EveryOkResponseCarriesExactlyOneFreshnessClass()
    {
        var problems = new List<string>();
        foreach (var e in audit.Exchanges.Where(e => e.Get.Status == 200 && !e.Route.StaticAsset)) // see RouteSamples.StaticAssetsReason
        {
            var cacheControl = e.Get.CacheControl;
            if (RouteSamples.Uncached.TryGetValue(e.Route.Template, out var uncached))
            {
                if (cacheControl != uncached.CacheControl)
                {
                    problems.Add($"GET {e.Url}: Cache-Control '{cacheControl}', expected '{uncached.CacheControl}' ({uncached.Reason})");
                }

                continue;
            }

            var classes = audit.FreshnessClasses.Where(c => c.Value == cacheControl).Select(c => c.Key).ToList();
            if (classes.Count != 1)
            {
                problems.Add($"GET {e.Url}: Cache-Control '{cacheControl}' matches {classes.Count} of the classes in HttpCaching:FreshnessClasses ({string.Join(", ", audit.FreshnessClasses.Keys)})");
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void EveryGetRouteIsOnTheCachingMiddlewareOrListedAsDeliberatelyUncached()
    {
        var offenders = audit.Routes.Where(r => r.AnswersGet && !r.Cached && !r.StaticAsset && !RouteSamples.Uncached.ContainsKey(r.Template))
            .Select(r => $"{r.Template}: no [CacheResources]; declare what it shows, or list it in Routes/RouteSamples.cs (Uncached) with the reason");
        var outside = RouteSamples.OutsideRouting.Where(u => !RouteSamples.Uncached.ContainsKey(u))
            .Select(u => $"{u}: answered by middleware outside routing; list it in Routes/RouteSamples.cs (Uncached) with its Cache-Control and the reason");
        var stale = RouteSamples.Uncached.Keys.Where(t => audit.Routes.Any(r => r.Template == t && r.Cached))
            .Select(t => $"{t}: listed as uncached but declares [CacheResources]; remove it from Uncached");
        AssertNone(offenders.Concat(outside).Concat(stale));
    }

    [Fact]
    public void TheHealthProbesAreNeverStored()
    {
        foreach (var path in new[] { "/livez", "/healthz" })
        {
            var exchange = Assert.Single(audit.Exchanges, e => e.Url == path);
            Assert.Equal("no-store", exchange.Get.CacheControl);
            Assert.Equal("no-store", exchange.Head.CacheControl);
        }
    }

    private static IEnumerable<string> HeadDifferences(Exchange e)
    {
        if (e.Head.Status != e.Get.Status)
        {
            yield return $"HEAD {e.Url}: {e.Head.Status}, GET answered {e.Get.Status}";
            yield break;
        }

        if (e.Head.Body.Length > 0)
        {
            yield return $"HEAD {e.Url}: sent a body of {e.Head.Body.Length} bytes";
        }

        foreach (var name in e.Get.Headers.Keys.Union(e.Head.Headers.Keys, StringComparer.OrdinalIgnoreCase))
        {
            // Framing, not representation: a HEAD response has no body to frame, and RFC 9110 §9.3.2 lets
            // it omit Content-Length; when it sends one, it is the length of GET's body (which GET may have chunked).
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (e.Head.Headers.TryGetValue(name, out var length) && length != e.Get.Body.Length.ToString(CultureInfo.InvariantCulture))
                {
                    yield return $"HEAD {e.Url}: Content-Length {length}, GET's body has {e.Get.Body.Length} bytes";
                }

                continue;
            }

            var get = e.Get.Headers.GetValueOrDefault(name);
            var head = e.Head.Headers.GetValueOrDefault(name);
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                // Fresh per response (antiforgery tokens): the same cookies must be set, not the same values.
                (get, head) = (CookieNames(get), CookieNames(head));
            }

            if (get != head)
            {
                yield return $"HEAD {e.Url}: {name} '{head ?? "(none)"}', GET sent '{get ?? "(none)"}'";
            }
        }
    }

    /// <summary>The names of the cookies in Set-Cookie lines joined with ", " (an Expires date's ", " is followed by no name=).</summary>
    private static string? CookieNames(string? setCookie)
        => setCookie is null ? null
            : string.Join(", ", Regex.Matches(setCookie, "(?:^|, )([^=;, ]+)=").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryCachedOkAnswerHasAnETagAndRevalidatesWithA304()
    {
        // Whoever answers: the shortcut, or the filter for the routes the shortcut never learns (protein pages, embeds,
        // pages negotiated by Accept or resolved per request: GraphQL, the sitemap).
        AssertNone(audit.Exchanges.Where(e => e.Route.Cached && e.Get.Status == 200 && !e.Get.Headers.ContainsKey("ETag"))
            .Select(e => $"GET {e.Url}: 200 from a cached route without an ETag ({e.Get.CacheControl})")
            .Concat(audit.Revalidations.Where(r => r.First.Status != 304 || r.Second.Status != 304)
                .Select(r => $"GET {r.Exchange.Url} with its ETag: {r.First.Status}, then {r.Second.Status}, not 304s")));
    }

    [Fact]
    public void EveryAnswerIsTheSameWhetherTheShortcutOrTheFilterGivesIt()
    {
        AssertNone(audit.Revalidations.SelectMany(r => new[]
            {
                Difference(r, "with its ETag", r.First, r.Second),
                Difference(r, "again", r.Exchange.Get, r.Again),
            })
            .OfType<string>());
    }

    private static string? Difference(Revalidation r, string what, Answer filter, Answer later)
        => filter.Status == later.Status && filter.Body.AsSpan().SequenceEqual(later.Body) && Describe(filter) == Describe(later)
            ? null
            : $"GET {r.Exchange.Url} {what}: {filter.Status} [{Describe(filter)}] ({filter.Body.Length} B) from the filter, then {later.Status} [{Describe(later)}] ({later.Body.Length} B){(r.ByShortcut ? " from the shortcut" : "")}";

    [Fact]
    public void TheShortcutAnswersTheApiAndPagesButNotTheProteinPagesViewsOrEmbeds()
    {
        var shortcut = audit.Revalidations.Where(r => r.ByShortcut).Select(r => r.Exchange.Url).ToList();

        Assert.All(audit.Revalidations.Where(r => r.ByShortcut), r => Assert.Equal((304, 200), (r.Second.Status, r.Again.Status)));
        // Parameterless routes are requested as mapped: MVC's templates have no trailing slash.
        Assert.True(shortcut.Contains("/api/spectra-list") && shortcut.Contains("/api/proteins/egfp/") && shortcut.Contains("/spectra") && shortcut.Contains("/"), string.Join(", ", shortcut));
        // Each protein page view is counted, and an embeddable page gets its framing headers, on a 304 too.
        Assert.DoesNotContain(shortcut, url => url.StartsWith("/protein/", StringComparison.Ordinal) && url.Count(c => c == '/') == 3);
        Assert.DoesNotContain(shortcut, url => url.StartsWith("/embedscope/", StringComparison.Ordinal));
        Assert.Contains(audit.Revalidations, r => r.Exchange.Url.StartsWith("/embedscope/", StringComparison.Ordinal) && r.Second.Status == 304);
    }

    private static string Describe(Answer answer) => string.Join("; ", answer.Headers.OrderBy(h => h.Key).Select(h => $"{h.Key}: {h.Value}"));

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{list.Count} problem(s):\n" + string.Join("\n", list));
        }
    }
}
