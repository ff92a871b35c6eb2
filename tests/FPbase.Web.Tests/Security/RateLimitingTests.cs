using System.Net;
using System.Net.Http.Json;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// FPbase's throttling, charged by cost, on a site with low limits (anonymous 5 full-price requests a minute per
/// IP, users 8; a cached answer costs a quarter of one): a request the cache cannot answer (a new query, a write)
/// costs the full price, a 304 or a cached payload almost nothing; 429 with Retry-After and problem details over
/// either budget; no header exempts anyone. Every test uses client addresses of its own, so tests do not share
/// windows.
/// </summary>
public sealed class RateLimitingTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    private const string Api = "/api/spectra-list/";
    private const int CachedAnswers = RateLimitedSite.Anonymous * RateLimitedSite.CachedAnswersPerRequest;

    /// <summary>A query nobody asked before: the cache cannot answer it, the endpoint runs.</summary>
    private static string NewQuery() => "/api/proteins/basic/?name__icontains=zz" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AnAnonymousClientOverItsBudgetOfNewQueriesGets429WithRetryAfterAndProblemDetails()
    {
        using var client = site.ClientFrom("192.0.2.1");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NewQuery())).StatusCode);
        }

        var refused = await client.GetAsync(NewQuery());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.Null(refused.Headers.ETag);

        // Another client address has its own budget.
        using var neighbour = site.ClientFrom("192.0.2.2");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync(NewQuery())).StatusCode);
    }

    [Fact]
    public async Task RevalidatingWithACurrentEtagCostsAFractionOfARequest()
    {
        using var client = site.ClientFrom("192.0.2.10");
        var etag = (await client.GetAsync(Api)).Headers.ETag!;
        for (var i = 1; i < CachedAnswers; i++)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(client, Api, etag)).StatusCode);
        }

        // Cached answers have a budget too.
        var refused = await PageRequests.GetIfNoneMatch(client, Api, etag);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AClientOutOfNewQueriesStillGetsWhatTheCacheHolds()
    {
        using var client = site.ClientFrom("192.0.2.15");
        var etag = (await client.GetAsync(Api)).Headers.ETag!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedSite.Anonymous; i++)
        {
            statuses.Add((await client.GetAsync(NewQuery())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(client, Api, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api)).StatusCode);
    }

    [Fact]
    public async Task GraphqlQueriesTheCacheCannotAnswerCostTheFullPrice()
    {
        using var client = site.ClientFrom("192.0.2.20");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NewGraphQLQuery())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(NewGraphQLQuery())).StatusCode);

        // A refused request's body is not read: the connection closes instead.
        var refused = await client.PostAsJsonAsync("/graphql/", new { query = "{ organisms { id } }", padding = new string('x', 100_000) });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.ConnectionClose);

        static string NewGraphQLQuery()
            => "/graphql/?query=" + Uri.EscapeDataString($"{{ protein(id: \"{Guid.NewGuid():N}\") {{ name }} }}");
    }

    [Fact]
    public async Task FetchMetadataAndRefererHeadersExemptNobody()
    {
        using var client = site.ClientFrom("192.0.2.30");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, NewQuery(), ("Sec-Fetch-Site", "same-origin"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, NewQuery(), ("Sec-Fetch-Site", "same-origin"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, NewQuery(), ("Referer", "http://localhost/spectra/"))).StatusCode);
    }

    [Fact]
    public async Task PagesFromTheCacheAreFreeAndPageBuildsCostTheFullPrice()
    {
        using var client = site.ClientFrom("192.0.2.40");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        for (var i = 0; i < CachedAnswers * 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?n=" + i)).StatusCode);
        }

        // Images of sizes nobody asked for: each one is rendered.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedSite.Anonymous; i++)
        {
            statuses.Add((await client.GetAsync($"/spectra_img/egfp.svg?xlim=400,{600 + i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?n=more")).StatusCode);
    }

    [Fact]
    public async Task ALoggedInUserHasAHigherBudgetOfTheirOwn()
    {
        var editor = await site.App.CreateEditorAsync();
        using var script = await site.App.CreateBearerClientAsync(editor);
        script.Http.DefaultRequestHeaders.Add(SecuritySite.ClientIpHeader, "192.0.2.50");
        using var anonymous = site.ClientFrom("192.0.2.50");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            await anonymous.GetAsync(NewQuery());
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(NewQuery())).StatusCode);
        for (var i = 0; i < RateLimitedSite.User; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await script.Http.GetAsync(NewQuery())).StatusCode);
        }

        var refused = await script.Http.GetAsync(NewQuery());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        // The same user from another address shares the budget: it is the user's. A write costs the full price.
        using var elsewhere = await site.App.CreateBearerClientAsync(editor);
        elsewhere.Http.DefaultRequestHeaders.Add(SecuritySite.ClientIpHeader, "192.0.2.51");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await elsewhere.Http.PostAsJsonAsync("/api/test-probes/editor/", new { })).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request);
    }
}

/// <summary>
/// FPbase's 60 full-price requests a minute, as a token bucket: a quiet client may start ten seconds' worth at
/// once, and after that one a second, so nobody spends a minute's work in one burst.
/// </summary>
public sealed class RateLimitBurstTests(BurstLimitedSite site) : IClassFixture<BurstLimitedSite>
{
    [Fact]
    public async Task AClientCanSpendTenSecondsWorthAtOnceAndThenOneASecond()
    {
        using var client = site.ClientFrom("192.0.2.200");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NewQuery())).StatusCode);
        }

        var refused = await client.GetAsync(NewQuery());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);

        // The bucket refills a permit a second: after Retry-After there is more, but not a burst's worth again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NewQuery())).StatusCode);
        var next = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            next.Add((await client.GetAsync(NewQuery())).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, next);
    }

    private static string NewQuery() => "/api/proteins/basic/?name__icontains=zz" + Guid.NewGuid().ToString("N");
}
