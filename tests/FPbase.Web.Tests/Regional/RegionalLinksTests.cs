using System.Net;
using FPbase.Web.Tests.GenBank;

namespace FPbase.Web.Tests.Regional;

/// <summary>
/// FPbase's extra plasmid repository for visitors from China (WeKwikGene): shown to them, in a fragment that no cache
/// keeps, while the protein page stays one shared cached document that never contains it. Addresses from MaxMind's
/// test database: 111.235.160.0/22 and 2001:250::/31 are CN, 81.2.69.142 GB, 216.160.83.56 US.
/// </summary>
public sealed class RegionalLinksTests(GenBankSite site) : IClassFixture<GenBankSite>
{
    [Theory]
    [InlineData("111.235.160.7")]
    [InlineData("2001:250::1")]
    public async Task AVisitorFromChinaSeesTheWeKwikGeneLinkInAFragmentNoCacheKeeps(string ip)
    {
        var response = await site.ClientFrom(ip).GetAsync("/protein/egfp/regional-links/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"https://wekwikgene.wllsb.edu.cn/plasmids?search=EGFP\"", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("81.2.69.142")]
    [InlineData("216.160.83.57")]
    [InlineData("10.1.2.3")]
    public async Task VisitorsFromElsewhereDoNotSeeIt(string ip)
    {
        var response = await site.ClientFrom(ip).GetAsync("/protein/egfp/regional-links/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("wekwikgene", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheSharedCachedPageIsTheSameForEveryCountryAndNeverContainsTheLink()
    {
        var fromChina = await site.ClientFrom("111.235.160.7").GetAsync("/protein/mcherry/");
        var fromBritain = await site.ClientFrom("81.2.69.142").GetAsync("/protein/mcherry/");
        var chinaAgain = await site.ClientFrom("111.235.160.8").GetAsync("/protein/mcherry/");

        foreach (var response in new[] { fromChina, fromBritain, chinaAgain })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, no-cache", response.Headers.CacheControl!.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("wekwikgene", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<iframe class=\"fragment regional\" id=\"regional-links\" title=\"Plasmid repositories in your region\" src=\"/protein/mcherry/regional-links/\"></iframe>", html, StringComparison.Ordinal);
        }

        Assert.Equal(fromChina.Headers.ETag, fromBritain.Headers.ETag);
        Assert.Equal(await fromChina.Content.ReadAsStringAsync(), await fromBritain.Content.ReadAsStringAsync());
        Assert.Equal(await fromChina.Content.ReadAsStringAsync(), await chinaAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownProteinsRegionalLinksAreA404Problem()
    {
        var response = await site.ClientFrom("111.235.160.7").GetAsync("/protein/no-such-protein/regional-links/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
