using System.Net;
using System.Xml.Linq;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using FPbase.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Crawlers;

/// <summary>
/// <c>/sitemap.xml</c> lists every public protein, reference and microscope with absolute URLs, revalidates with a 304
/// and lists a renamed or new protein at once; <c>/robots.txt</c> points at it. Both follow the request's origin.
/// </summary>
public sealed class SitemapTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ItListsEveryVisibleProteinEveryReferenceAndEveryMicroscope()
    {
        using var response = await _client.GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var locs = Locations(await response.Content.ReadAsStringAsync());
        var (proteins, hidden, references, microscopes) = await site.App.WithDbAsync(async db => (
            await db.Proteins.Where(p => p.Status != ProteinStatus.Hidden).Select(p => p.Slug).ToListAsync(),
            await db.Proteins.Where(p => p.Status == ProteinStatus.Hidden).Select(p => p.Slug).ToListAsync(),
            await db.References.Select(r => r.Id).ToListAsync(),
            await db.Microscopes.Select(m => m.Id).ToListAsync()));
        Assert.All(proteins, slug => Assert.Contains($"http://localhost/protein/{slug}/", locs));
        Assert.All(hidden, slug => Assert.DoesNotContain($"http://localhost/protein/{slug}/", locs));
        Assert.All(references, id => Assert.Contains($"http://localhost/reference/{id}/", locs));
        Assert.All(microscopes, id => Assert.Contains($"http://localhost/microscope/{id}/", locs));
        Assert.Contains("http://localhost/search/", locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());
    }

    [Fact]
    public async Task ItRevalidatesWithA304AndListsARenamedAndANewProteinAtOnce()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 0);
        var etag = await PageRequests.ETagOf(_client, "/sitemap.xml");
        using (var revalidated = await PageRequests.GetIfNoneMatch(_client, "/sitemap.xml", etag))
        {
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        var (_, slug) = await SearchRequests.RenameAsync(site.App, a, "Mapped ");

        using var renamed = await PageRequests.GetIfNoneMatch(_client, "/sitemap.xml", etag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var locs = Locations(await renamed.Content.ReadAsStringAsync());
        Assert.Contains($"http://localhost/protein/{slug}/", locs);
        Assert.DoesNotContain($"http://localhost/protein/{a}/", locs);

        var added = "newmapped" + Guid.NewGuid().ToString("N")[..6];
        await PageRequests.Edit(site.App, db =>
        {
            db.Proteins.Add(new Protein { Name = added, Slug = added, Uuid = "Z" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant(), Status = ProteinStatus.Approved });
            return Task.CompletedTask;
        });
        using var withNew = await PageRequests.GetIfNoneMatch(_client, "/sitemap.xml", renamed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Contains($"http://localhost/protein/{added}/", Locations(await withNew.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task RobotsTxtPointsAtTheSitemapAndBothFollowTheRequestsHost()
    {
        using var robots = await _client.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        Assert.Equal("text/plain", robots.Content.Headers.ContentType?.MediaType);
        var text = await robots.Content.ReadAsStringAsync();
        Assert.StartsWith("User-agent: *\n", text, StringComparison.Ordinal);
        Assert.Contains("\nSitemap: http://localhost/sitemap.xml\n", text, StringComparison.Ordinal);
        Assert.Contains("\nDisallow: /protein/*/edit/\n", text, StringComparison.Ordinal);
        using (var revalidated = await PageRequests.GetIfNoneMatch(_client, "/robots.txt", robots.Headers.ETag!))
        {
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        using var other = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        other.Headers.Host = "fpbase.example.org";
        using var otherResponse = await _client.SendAsync(other);
        Assert.Contains("\nSitemap: http://fpbase.example.org/sitemap.xml\n", await otherResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(robots.Headers.ETag, otherResponse.Headers.ETag);

        using var map = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        map.Headers.Host = "fpbase.example.org";
        using var mapResponse = await _client.SendAsync(map);
        Assert.All(Locations(await mapResponse.Content.ReadAsStringAsync()), loc => Assert.StartsWith("http://fpbase.example.org/", loc, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://www.fpbase.org", "https://www.fpbase.org")]
    [InlineData("HTTPS://WWW.FPbase.org/", "https://www.fpbase.org")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("https://www.fpbase.org/site", null)]
    [InlineData("https://www.fpbase.org/?x=1", null)]
    [InlineData("ftp://www.fpbase.org", null)]
    [InlineData("www.fpbase.org", null)]
    public void TheConfiguredOriginIsAnHttpOriginWithoutAPath(string value, string? expected)
    {
        Assert.Equal(expected is not null, FPbase.Web.Features.Crawlers.SiteOriginResolver.TryNormalize(value, out var origin));
        Assert.Equal(expected ?? "", origin);
    }

    private static List<string> Locations(string xml)
        => XDocument.Parse(xml).Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value).ToList();
}
