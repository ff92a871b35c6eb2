using System.Net;
using System.Net.Http.Json;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// FPbase's throttling, on a site with low limits (anonymous 5 a minute per IP, users 8): 429 with
/// Retry-After and problem details over the limit; the site's own pages and their scripts are exempt. Every
/// test uses client addresses of its own, so tests do not share windows.
/// </summary>
public sealed class RateLimitingTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    private const string Api = "/api/spectra-list/";

    [Fact]
    public async Task An_anonymous_client_over_the_limit_gets_429_with_retry_after_and_problem_details()
    {
        using var client = site.ClientFrom("192.0.2.1");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api)).StatusCode);
        }

        var refused = await client.GetAsync(Api);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.Null(refused.Headers.ETag);

        // Another client address has its own window.
        using var neighbour = site.ClientFrom("192.0.2.2");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync(Api)).StatusCode);
    }

    [Fact]
    public async Task A_throttled_client_gets_429_even_with_a_current_etag()
    {
        using var client = site.ClientFrom("192.0.2.10");
        var etag = (await client.GetAsync(Api)).Headers.ETag!;
        for (var i = 1; i < RateLimitedSite.Anonymous; i++)
        {
            await client.GetAsync(Api);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, Api);
        request.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Graphql_counts_against_the_same_limit()
    {
        using var client = site.ClientFrom("192.0.2.20");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            await client.GetAsync(Api);
        }

        var response = await client.GetAsync("/graphql/?query=%7B__typename%7D");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Requests_from_the_sites_own_pages_are_exempt()
    {
        using var client = site.ClientFrom("192.0.2.30");
        for (var i = 0; i < RateLimitedSite.Anonymous + 1; i++)
        {
            await client.GetAsync(Api);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(Api)).StatusCode);
        for (var i = 0; i < RateLimitedSite.Anonymous + 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, Api, ("Sec-Fetch-Site", "same-origin"))).StatusCode);
        }

        // Browsers without fetch metadata: a Referer on this host (FPbase's rule).
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, Api, ("Referer", "http://localhost/spectra/"))).StatusCode);
        // A cross-site page, or a Referer merely containing our host name, is not our page.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, Api, ("Sec-Fetch-Site", "cross-site"), ("Referer", "http://localhost/spectra/"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(client, Api, ("Referer", "http://localhost.evil.example/"))).StatusCode);
    }

    [Fact]
    public async Task Pages_are_not_limited()
    {
        using var client = site.ClientFrom("192.0.2.40");
        for (var i = 0; i < RateLimitedSite.Anonymous * 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
    }

    [Fact]
    public async Task A_logged_in_user_has_a_higher_limit_of_their_own()
    {
        var editor = await site.App.CreateEditorAsync();
        using var script = await site.App.CreateBearerClientAsync(editor);
        script.Http.DefaultRequestHeaders.Add(SecuritySite.ClientIpHeader, "192.0.2.50");
        using var anonymous = site.ClientFrom("192.0.2.50");
        for (var i = 0; i < RateLimitedSite.Anonymous; i++)
        {
            await anonymous.GetAsync(Api);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(Api)).StatusCode);
        for (var i = 0; i < RateLimitedSite.User; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await script.Http.GetAsync(Api)).StatusCode);
        }

        var refused = await script.Http.GetAsync(Api);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        // The same user from another address shares the window: it is the user's.
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
