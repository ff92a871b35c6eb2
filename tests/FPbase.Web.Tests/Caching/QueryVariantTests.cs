using System.Net;
using FPbase.Web.Tests.Api;
using FPbase.Web.Tests.GraphQL;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;

namespace FPbase.Web.Tests.Caching;

/// <summary>
/// Only the query parameters an endpoint declares enter its ETag and payload key, canonicalized (order, repeats,
/// empty values, defaults, and case where it does not matter); the rest are ignored, as FPbase ignores them. So a
/// random query string cannot make the site build or keep another copy of a response.
/// </summary>
public sealed class QueryVariantTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task RandomQueryStringsOnAListShareItsEtagAndAreBuiltOnce()
    {
        var etag = await PageRequests.ETagOf(_client, "/api/spectra-list/");
        var commands = site.App.Commands.Count;
        for (var i = 0; i < 20; i++)
        {
            var response = await _client.GetAsync($"/api/spectra-list/?n={Guid.NewGuid():N}&_={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(etag, response.Headers.ETag);
        }

        Assert.Equal(commands, site.App.Commands.Count);
    }

    [Theory]
    [InlineData("/protein/egfp/")]
    [InlineData("/references/")]
    [InlineData("/table/")]
    [InlineData("/spectra/")]
    [InlineData("/")]
    public async Task PagesIgnoreEveryQueryParameter(string url)
    {
        var etag = await PageRequests.ETagOf(_client, url);
        Assert.Equal(etag, await PageRequests.ETagOf(_client, url + "?utm_source=x&n=" + Guid.NewGuid().ToString("N")));
    }

    [Theory]
    [InlineData("/api/proteins/?name__icontains=gfp", "/api/proteins/?_=1&name__icontains=gfp&format=csv&fields=name&display=l")]
    [InlineData("/api/proteins/?format=json", "/api/proteins/?_=1&format=json&include_fields=x")]
    [InlineData("/api/proteins/?agg=m&name__icontains=gfp", "/api/proteins/?name__icontains=gfp&agg=m&pdb_id=x")]
    [InlineData("/api/proteins/?agg=m", "/api/proteins/?agg=d&agg=m&name__icontains=")]
    [InlineData("/api/proteins/basic/", "/api/proteins/basic/?page=2")]
    [InlineData("/api/spectrum/17/", "/api/spectrum/17/?format=json&name=x")]
    [InlineData("/spectra_csv/?q=17,18", "/spectra_csv/?foo=bar&q=17,18")]
    [InlineData("/spectra_img/egfp.svg", "/spectra_img/egfp.svg?fill=True&TRANSPARENT=yes&grid=0&colour=red&grid=")]
    [InlineData("/spectra_img/egfp.svg?grid=true", "/spectra_img/egfp.svg?GRID=1")]
    public async Task SpellingsOfTheSameQueryShareOneEtag(string canonical, string spelling)
    {
        var etag = await PageRequests.ETagOf(_client, canonical);
        var response = await _client.GetAsync(spelling);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal(await (await _client.GetAsync(canonical)).Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/proteins/?name__icontains=gfp", "/api/proteins/?name__icontains=rfp")]
    [InlineData("/api/proteins/", "/api/proteins/?format=json")]
    [InlineData("/spectra_img/egfp.svg", "/spectra_img/egfp.svg?grid=true")]
    [InlineData("/spectra_csv/?q=17", "/spectra_csv/?q=18")]
    public async Task DeclaredParametersStillMakeTheirOwnVariant(string one, string other)
        => Assert.NotEqual(await PageRequests.ETagOf(_client, one), await PageRequests.ETagOf(_client, other));

    [Fact]
    public async Task AMistypedFilterIsStillRefusedRatherThanAnsweredWithTheWholeList()
        => await _client.AssertBadParameterAsync("/api/proteins/?name__icontain=gfp", "name__icontain");

    [Fact]
    public async Task AGraphqlGetIgnoresParametersThatAreNotGraphql()
    {
        var url = GraphQLClient.Path + "?query=" + Uri.EscapeDataString("{ organisms { id } }");
        Assert.Equal(await PageRequests.ETagOf(_client, url), await PageRequests.ETagOf(_client, url + "&n=" + Guid.NewGuid().ToString("N")));
    }
}
