using System.Net;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Api;

/// <summary>Every API route is on the cache: ETag, 304 before the endpoint runs, HEAD without a body, public freshness (revalidated on every use).</summary>
public sealed class ApiCachingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    public static TheoryData<string> Routes =>
    [
        "/api/proteins/",
        "/api/proteins/?format=csv",
        "/api/proteins/?default_state__ex_max__around=488",
        "/api/proteins/basic/",
        "/api/proteins/table-data/",
        "/api/proteins/spectra/",
        "/api/spectrum/17/",
        "/spectra_csv/?q=17,18",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AClientHoldingTheETagGets304WithAnEmptyBody(string url)
    {
        var first = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl!.Public);

        // Browsers revalidate every time (a 304 costs a few hundred bytes): never a stale copy after an edit.
        Assert.True(first.Headers.CacheControl.NoCache);
        Assert.Null(first.Headers.CacheControl.MaxAge);

        var before = site.App.Commands.Count;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(before, site.App.Commands.Count);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task HeadAnswersLikeGetWithoutABody(string url)
    {
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheFormatIsPartOfTheETag()
    {
        var json = await _client.ETagOfAsync("/api/proteins/?format=json");
        var csv = await _client.ETagOfAsync("/api/proteins/");
        Assert.NotEqual(json, csv);
    }

    [Fact]
    public async Task ABadQueryIsNotCachedAndHasNoETag()
    {
        var response = await _client.GetAsync("/api/proteins/?nope__exact=1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl!.NoCache);
    }
}
