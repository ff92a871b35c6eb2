using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary><c>/compare/{slugs}/</c>: proteins side by side with their spectra overlaid; bounded, unknown slugs 404.</summary>
public sealed class ComparePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task EgfpAndMcherryAreShownSideBySideWithTheirSpectraInOneFigure()
    {
        var response = await _client.GetAsync("/compare/egfp,mcherry/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<th scope=\"col\" data-slug=\"egfp\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" data-slug=\"mcherry\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("data-slug=\"egfp\"", StringComparison.Ordinal) < html.IndexOf("data-slug=\"mcherry\"", StringComparison.Ordinal));
        Assert.Contains("id=\"compare-svg\"", html, StringComparison.Ordinal);
        var spectra = await site.App.WithDbAsync(db => db.Spectra
            .Where(s => s.OwnerFluor != null && (s.OwnerFluor.Slug == "egfp_default" || s.OwnerFluor.Slug == "mcherry_default") && s.Subtype != FPbase.Data.Entities.SpectrumSubtype.TwoPhoton)
            .Select(s => s.Id).ToListAsync());
        Assert.NotEmpty(spectra);
        foreach (var id in spectra)
        {
            Assert.Contains($"data-spectrum=\"{id}\"", html, StringComparison.Ordinal);
        }

        var ec = await site.App.WithDbAsync(db => db.States.Where(s => s.Slug == "mcherry_default").Select(s => s.ExtCoeff).SingleAsync());
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<td>{ec:N0}</td>"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyOrMalformedSlugsAre400AndAnUnknownSlugIs404()
    {
        var nine = string.Join(',', Enumerable.Range(0, 9).Select(i => $"p{i}"));
        foreach (var (url, status) in new[] { ($"/compare/{nine}/", HttpStatusCode.BadRequest), ("/compare/egfp,no-such-protein/", HttpStatusCode.NotFound), ("/compare/,,,/", HttpStatusCode.BadRequest) })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Contains("no-such-protein", await (await _client.GetAsync("/compare/egfp,no-such-protein/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheComparisonRevalidatesAndChangesAtOnceWhenAComparedProteinIsEdited()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, 3);
        var url = $"/compare/{a},{b}/";
        var etag = await PageRequests.ETagOf(_client, url);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, etag)).StatusCode);

        var renamed = "Compared " + Guid.NewGuid().ToString("N")[..8];
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == b)).Name = renamed);

        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains($">{renamed}</a></th>", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
