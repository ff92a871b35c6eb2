using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>The references list and reference pages, by id and by DOI (which contains slashes).</summary>
public sealed class ReferencePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string CormackDoi = "10.1016/0378-1119(95)00685-0";
    private const string CormackTitle = "FACS-optimized mutants of the green fluorescent protein (GFP)";
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheListShowsEveryReferenceWithTheProteinsCitingIt()
    {
        var response = await _client.GetAsync("/references/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Contains($"<tr data-doi=\"{CormackDoi}\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/protein/egfp/\" class=\"primary\">EGFP</a>", html, StringComparison.Ordinal);
        var count = await site.App.WithDbAsync(db => db.References.CountAsync());
        Assert.Equal(count, html.Split("<tr data-doi=").Length - 1);
    }

    [Fact]
    public async Task AReferenceIsFoundByIdAndByDoiWithOrWithoutTheTrailingSlash()
    {
        var byId = await _client.GetAsync("/reference/66/");
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        var html = await byId.Content.ReadAsStringAsync();
        Assert.Contains(CormackTitle, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://doi.org/{CormackDoi}\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/protein/egfp/\">EGFP</a> (primary reference)", html, StringComparison.Ordinal);

        foreach (var url in new[] { $"/reference/{CormackDoi}/", $"/reference/{CormackDoi}", $"/reference/{CormackDoi.ToUpperInvariant()}/" })
        {
            var byDoi = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, byDoi.StatusCode);
            Assert.NotNull(byDoi.Headers.ETag);
            Assert.Contains(CormackTitle, await byDoi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownIdsAndDoisAre404Problems()
    {
        foreach (var url in new[] { "/reference/999999/", "/reference/10.0000/nothing.here/" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task EditingAReferenceChangesItsPagesByIdAndByDoiAndItsProteinsPage()
    {
        var doiUrl = $"/reference/{CormackDoi}/";
        var byId = await PageRequests.ETagOf(_client, "/reference/66/");
        var byDoi = await PageRequests.ETagOf(_client, doiUrl);
        var egfp = await PageRequests.ETagOf(_client, "/protein/egfp/");
        var other = await PageRequests.ETagOf(_client, "/reference/48/");
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, doiUrl, byDoi)).StatusCode);

        await PageRequests.Edit(site.App, async db => (await db.References.SingleAsync(r => r.Id == 66)).Summary = "Edited " + Guid.NewGuid());

        Assert.NotEqual(byId, await PageRequests.ETagOf(_client, "/reference/66/"));
        var after = await PageRequests.GetIfNoneMatch(_client, doiUrl, byDoi);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Edited ", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(egfp, await PageRequests.ETagOf(_client, "/protein/egfp/"));
        Assert.Equal(other, await PageRequests.ETagOf(_client, "/reference/48/"));
    }
}
