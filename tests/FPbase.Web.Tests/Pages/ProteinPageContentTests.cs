using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FPbase.Data.Entities;
using FPbase.Web.Features.Proteins.Api;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// A protein page's sequence in blocks, its links out (GenBank, UniProtKB, IPG, PDB, NCBI taxonomy), its spectra CSV
/// and its JSON-LD; each changes at once after an edit, and a 304 answers only while it has not.
/// </summary>
public sealed partial class ProteinPageContentTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [GeneratedRegex("<span class=\"seq-block\">([A-Z]+)</span>")]
    private static partial Regex Block();

    [GeneratedRegex("<span class=\"seq-pos\" aria-hidden=\"true\">(\\d+)</span>")]
    private static partial Regex Position();

    [GeneratedRegex("<script type=\"application/ld\\+json\" id=\"structured-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [Fact]
    public async Task TheSequenceIsInBlocksOfTenNumberedPerLineWithItsWeightAndACopyButton()
    {
        var seq = await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == "egfp").Select(p => p.Seq).SingleAsync());
        Assert.False(string.IsNullOrEmpty(seq));
        var html = await _client.GetStringAsync("/protein/egfp/");

        var blocks = Block().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(seq, string.Concat(blocks));
        Assert.All(blocks[..^1], b => Assert.Equal(10, b.Length));
        var positions = Position().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, (seq!.Length + 59) / 60).Select(i => (i * 60) + 1), positions);
        Assert.Contains($"data-sequence=\"{seq}\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" id=\"copy-sequence\" data-copy-target=\"sequence\" hidden>Copy sequence</button>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"seq-length\">{seq.Length} residues</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"seq-weight\">· {ProteinWeight.KiloDaltons(seq)!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} kDa</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutScriptThePageIsCompleteItsScriptsAreOnlyTheDataAndSmallModules()
    {
        var html = await _client.GetStringAsync("/protein/egfp/");
        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Contains("<script type=\"application/ld+json\" id=\"structured-data\">", scripts);
        // Besides the site header's search box (the layout's, on every page: HeaderSearchBrowserTests).
        Assert.Single(scripts, s => s.StartsWith("<script src=\"/js/search-box.", StringComparison.Ordinal));
        Assert.All(scripts.Where(s => !s.Contains("ld+json", StringComparison.Ordinal) && !s.StartsWith("<script src=\"/js/search-box.", StringComparison.Ordinal)),
            s => Assert.Matches("^<script type=\"module\" src=\"/js/(sequence-copy|lineage-tree|comparison)[.][^\"]*js[^\"]*\">$", s));
        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLinksOutAreFpbasesAndChangeAtOnceWhenAnEditorChangesTheAccessions()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 5);
        var url = $"/protein/{slug}/";
        var organism = await site.App.WithDbAsync(db => db.Organisms.OrderBy(o => o.Id).Select(o => new { o.Id, o.ScientificName }).FirstAsync());
        var before = await PageRequests.ETagOf(_client, url);

        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var edit = await editor.Http.PatchAsJsonAsync($"/api/proteins/{slug}/", new { genbank = "AAB02572", uniprot = "P42212", ipg_id = "5133942", parent_organism = organism.Id });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == slug)).Pdb = ["2Y0G", "4EUL"]);

        using var revalidated = await PageRequests.GetIfNoneMatch(_client, url, before);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        var html = await revalidated.Content.ReadAsStringAsync();
        Assert.Contains("<a id=\"link-genbank\" href=\"https://www.ncbi.nlm.nih.gov/protein/AAB02572\" target=\"_blank\" rel=\"noopener\">AAB02572</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"link-uniprot\" href=\"https://www.uniprot.org/uniprot/P42212\" target=\"_blank\" rel=\"noopener\">P42212</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"link-ipg\" href=\"https://www.ncbi.nlm.nih.gov/ipg/?term=5133942%5Buid%5D\" target=\"_blank\" rel=\"noopener\">5133942</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.rcsb.org/structure/2Y0G\" target=\"_blank\" rel=\"noopener\">2Y0G</a>, <a href=\"https://www.rcsb.org/structure/4EUL\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id={organism.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(organism.ScientificName) + "</a>", html, StringComparison.Ordinal);

        var after = revalidated.Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, after)).StatusCode);
    }

    [Fact]
    public async Task AnEditedSequenceShowsAtOnceInItsBlocksLengthAndCopyText()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 7);
        var url = $"/protein/{slug}/";
        var before = await PageRequests.ETagOf(_client, url);
        const string seq = "MVSKGEELFTGVVPILVELDGDVNGHKFSVSGEGEGDATYGKLTLKF";

        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == slug)).Seq = seq);

        using var revalidated = await PageRequests.GetIfNoneMatch(_client, url, before);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        var html = await revalidated.Content.ReadAsStringAsync();
        Assert.Equal(seq, string.Concat(Block().Matches(html).Select(m => m.Groups[1].Value)));
        Assert.Contains($"data-sequence=\"{seq}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"seq-length\">{seq.Length} residues</span>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, revalidated.Headers.ETag!)).StatusCode);
    }

    [Fact]
    public async Task AnAccessionCannotRedirectALinkOut()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 6);
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == slug)).Uniprot = "a/b?c=\"d");
        var html = await _client.GetStringAsync($"/protein/{slug}/");
        Assert.Contains("href=\"https://www.uniprot.org/uniprot/a%2Fb%3Fc%3D%22d\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSpectraCsvLinkDownloadsTheFiguresSpectraAndFollowsANewSpectrum()
    {
        var html = await _client.GetStringAsync("/protein/egfp/");
        var href = WebUtility.HtmlDecode(Regex.Match(html, "<a id=\"spectra-csv\" href=\"([^\"]+)\" download=\"egfp_spectra.csv\">CSV</a>").Groups[1].Value);
        Assert.StartsWith("/spectra_csv/?q=", href, StringComparison.Ordinal);
        var ids = href["/spectra_csv/?q=".Length..].Split(',').Select(int.Parse).ToList();
        var figure = Regex.Matches(html, "data-spectrum=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal(figure, ids.Order());

        using var csv = await _client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var header = (await csv.Content.ReadAsStringAsync()).Split("\r\n")[0].Split(',');
        Assert.Equal("wavelength", header[0]);
        Assert.Equal(ids.Count + 1, header.Length);

        // A spectrum approved for the protein joins the figure and the link at once.
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 8);
        var url = $"/protein/{slug}/";
        var etag = await PageRequests.ETagOf(_client, url);
        var added = await site.App.WithDbAsync(async db =>
        {
            var state = await db.Proteins.Where(p => p.Slug == slug).Select(p => p.DefaultStateId).SingleAsync();
            var spectrum = new Spectrum { Category = SpectrumCategory.Protein, Subtype = SpectrumSubtype.Absorption, OwnerFluorId = state, Status = SpectrumStatus.Approved };
            spectrum.SetData(400, [0.2f, 0.6f, 1f, 0.6f, 0.2f]);
            db.Spectra.Add(spectrum);
            await db.SaveChangesAsync();
            return spectrum.Id;
        });
        using var changed = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var link = WebUtility.HtmlDecode(Regex.Match(await changed.Content.ReadAsStringAsync(), $"<a id=\"spectra-csv\" href=\"([^\"]+)\" download=\"{slug}_spectra.csv\">CSV</a>").Groups[1].Value);
        Assert.Contains(added, link["/spectra_csv/?q=".Length..].Split(',').Select(int.Parse));
    }

    [Fact]
    public async Task TheJsonLdIsFpbasesDatasetAndANameCannotEndItsScript()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 7);
        const string hostile = "</script><script>alert(1)</script><!--";
        var before = await PageRequests.ETagOf(_client, $"/protein/{slug}/");
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == slug)).Blurb = "Bright. " + hostile + " & 'quoted'");

        using var response = await PageRequests.GetIfNoneMatch(_client, $"/protein/{slug}/", before);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var match = JsonLd().Match(html);
        Assert.True(match.Success);
        Assert.DoesNotContain("<", match.Groups[1].Value, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(match.Groups[1].Value);
        var root = json.RootElement;
        Assert.Equal("Dataset", root.GetProperty("@type").GetString());
        Assert.Equal("Bright. " + hostile + " & 'quoted'", root.GetProperty("description").GetString());
        Assert.Equal($"/protein/{slug}/", root.GetProperty("url").GetString());
        var measured = root.GetProperty("variableMeasured").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value"));
        Assert.Contains("Excitation Maximum", measured.Keys);
        Assert.Contains("Oligomerization", measured.Keys);
        var downloads = root.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()!).ToList();
        Assert.Equal([$"/api/proteins/?slug={slug}&format=json", $"/api/proteins/?slug={slug}&format=csv"], downloads);
        foreach (var download in downloads)
        {
            using var got = await _client.GetAsync(download);
            Assert.Equal(HttpStatusCode.OK, got.StatusCode);
            Assert.Contains(slug, await got.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheEgfpJsonLdCarriesItsMeasuredValues()
    {
        var html = await _client.GetStringAsync("/protein/egfp/");
        using var json = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value);
        var measured = json.RootElement.GetProperty("variableMeasured").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value"));
        Assert.Equal(488, measured["Excitation Maximum"].GetDouble());
        Assert.Equal(507, measured["Emission Maximum"].GetDouble());
        Assert.Equal(0.6, measured["Quantum Yield"].GetDouble());
        Assert.Equal("/spectra_img/egfp.svg", json.RootElement.GetProperty("image").GetString());
        Assert.Equal(await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == "egfp").Select(p => p.Seq).SingleAsync()), measured["Amino Acid Sequence"].GetString());
    }
}
