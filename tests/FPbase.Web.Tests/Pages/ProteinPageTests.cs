using System.Net;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>What a reader of a protein page sees, without JavaScript, and what a browser cache gets.</summary>
public sealed class ProteinPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Egfp = "/protein/egfp/";
    private const string CormackDoi = "10.1016/0378-1119(95)00685-0";
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheEgfpPageShowsItsStateInlineSvgSpectraAndReferencesPrimaryFirst()
    {
        var response = await _client.GetAsync(Egfp);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1 id=\"protein-name\">EGFP</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"egfp_default\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"ex-max\">488</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"em-max\">507</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"ext-coeff\">55,900</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"qy\">0.6</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"brightness\">33.54</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"pka\">6</td>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"uuid\">R9NL8</dd>", html, StringComparison.Ordinal);

        // Spectra: server-side SVG paths in the state's colours, no script needed.
        Assert.Matches("<svg [^>]*xmlns=\"http://www.w3.org/2000/svg\"", html);
        Assert.Matches("<path class=\"spectrum spectrum-ex\" data-spectrum=\"\\d+\" d=\"M[\\d.]+,[\\d.]+L[\\d.]+,[\\d.]+L", html);
        Assert.Matches("<path class=\"spectrum spectrum-em\"[^>]* fill=\"#00ff26\"", html);
        // The page needs no script; its only scripts are its JSON-LD, the header's search box and two small modules
        // (ProteinPageContentTests).
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        // References: Cormack et al. (1996) is EGFP's primary reference and comes first, with its DOI.
        var firstReference = html.IndexOf("<li class=\"reference", StringComparison.Ordinal);
        Assert.True(firstReference > 0);
        Assert.StartsWith($"<li class=\"reference primary\" data-doi=\"{CormackDoi}\"", html[firstReference..], StringComparison.Ordinal);
        Assert.Contains($"https://doi.org/{CormackDoi}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUuidUrlRendersTheSameProteinAndPointsToTheSlugAsCanonical()
    {
        var bySlug = await _client.GetStringAsync(Egfp);
        var byUuid = await _client.GetAsync("/protein/R9NL8/");

        Assert.Equal(HttpStatusCode.OK, byUuid.StatusCode);
        var html = await byUuid.Content.ReadAsStringAsync();
        Assert.Equal(bySlug, html);
        Assert.Contains("<link rel=\"canonical\" href=\"/protein/egfp/\" />", html, StringComparison.Ordinal);
        Assert.NotNull(byUuid.Headers.ETag);
    }

    [Fact]
    public async Task AnUnknownSlugIsA404ProblemWithoutAnETag()
    {
        var response = await _client.GetAsync("/protein/no-such-protein/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task AHiddenProteinIs404WhileAPendingOneIsShownWithABanner()
    {
        var hidden = await site.App.WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var protein = new Protein { Name = "Hidden" + suffix, Slug = "hidden" + suffix, Uuid = "H" + suffix[..4].ToUpperInvariant(), Status = ProteinStatus.Hidden };
            db.Proteins.Add(protein);
            await db.SaveChangesAsync();
            return protein;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/protein/{hidden.Slug}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/protein/{hidden.Uuid}/")).StatusCode);

        var pending = await _client.GetAsync("/protein/mcherry/");
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Contains("class=\"banner pending\"", await pending.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadAnswersWithTheSameHeadersAndNoBody()
    {
        var get = await _client.GetAsync(Egfp);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Egfp));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ABrowserHoldingTheETagGets304WithAnEmptyBodyAndNoDatabaseWork()
    {
        var first = await _client.GetAsync(Egfp);
        Assert.True(first.Headers.CacheControl!.Public);

        var before = site.App.Commands.Count;
        var second = await PageRequests.GetIfNoneMatch(_client, Egfp, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(before, site.App.Commands.Count);
    }

    [Fact]
    public async Task AnAliasRedirectsToTheSlugAndIsNeverAnsweredNotModified()
    {
        var client = PageRequests.NoRedirects(site.App);
        var etag = await PageRequests.ETagOf(client, Egfp);

        var response = await client.GetAsync("/protein/enhanced-gfp/");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/protein/egfp/", response.Headers.Location!.OriginalString);
        Assert.Null(response.Headers.ETag);

        // Even a client sending the slug page's ETag, or *, for the alias URL gets the redirect again.
        Assert.Equal(HttpStatusCode.Found, (await PageRequests.GetIfNoneMatch(client, "/protein/gfpmut1/", etag)).StatusCode);
        var star = new HttpRequestMessage(HttpMethod.Get, "/protein/gfpmut1/");
        star.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.Found, (await client.SendAsync(star)).StatusCode);
    }

    [Fact]
    public async Task AnAliasAddedToAProteinStartsRedirectingAtOnce()
    {
        var client = PageRequests.NoRedirects(site.App);
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 3);
        var alias = "Old Name " + Guid.NewGuid().ToString("N")[..5];
        var key = alias.ToLowerInvariant().Replace(' ', '-');
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/protein/{key}/")).StatusCode);

        await PageRequests.Edit(site.App, async db =>
        {
            var protein = await db.Proteins.SingleAsync(p => p.Slug == a);
            protein.Aliases = [.. protein.Aliases, alias];
        });

        var response = await client.GetAsync($"/protein/{key}/");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/protein/{a}/", response.Headers.Location!.OriginalString);
    }
}
