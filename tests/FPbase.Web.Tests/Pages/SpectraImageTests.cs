using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>FPbase's spectra images: SVG and PNG, its parameters, and per-protein caching.</summary>
public sealed class SpectraImageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheSvgIsValidSvgWithOneFilledPathPerSpectrumInsideTheAskedRange()
    {
        var response = await _client.GetAsync("/spectra_img/egfp.svg?xlim=400,700&title=true&grid=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("0 0 840 210", (string?)svg.Attribute("viewBox"));
        var paths = svg.Descendants(Svg + "path").ToList();
        Assert.Equal(2, paths.Count); // EGFP: excitation and emission (two-photon is left out, as FPbase does)
        Assert.All(paths, p => Assert.EndsWith("Z", (string)p.Attribute("d")!, StringComparison.Ordinal));
        // At most one point per nm of 400..700, plus the two baseline corners, all inside the plot area.
        Assert.All(paths, p => Assert.InRange(((string)p.Attribute("d")!).Count(c => c is 'M' or 'L'), 10, 301 + 2));
        var xs = paths.SelectMany(p => ((string)p.Attribute("d")!).Split('M', 'L', 'Z'))
            .Where(point => point.Length > 0)
            .Select(point => double.Parse(point.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(xs, x => Assert.InRange(x, 12, 828));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "EGFP");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Ex/Em λ: 488/507");
        Assert.NotNull(svg.Descendants(Svg + "g").SingleOrDefault(g => (string?)g.Attribute("class") == "grid"));
    }

    [Fact]
    public async Task FillFalseDrawsLinesAndTransparentFalseAddsABackground()
    {
        var svg = XDocument.Parse(await _client.GetStringAsync("/spectra_img/egfp.svg?fill=false&transparent=false")).Root!;
        Assert.All(svg.Descendants(Svg + "path"), p => Assert.Equal("none", (string?)p.Attribute("fill")));
        Assert.Single(svg.Elements(Svg + "rect"));
    }

    [Fact]
    public async Task ThePngIsAPngOfFpbasesFigureSize()
    {
        var response = await _client.GetAsync("/spectra_img/egfp.png?xlim=400,700&title=true&transparent=false");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(840, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(210, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length > 3000, "a figure with curves and text is more than an empty canvas");
    }

    [Theory]
    [InlineData("xlim=700,400")]
    [InlineData("xlim=200,700")]
    [InlineData("xlim=400,1700")]
    [InlineData("xlim=400")]
    [InlineData("xlim=4o0,700")]
    [InlineData("fill=maybe")]
    public async Task BadParametersAre400ProblemDetailsNamingTheParameter(string query)
    {
        foreach (var extension in new[] { "svg", "png" })
        {
            var response = await _client.GetAsync($"/spectra_img/egfp.{extension}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
            var name = query[..query.IndexOf('=', StringComparison.Ordinal)];
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(name, out _), $"errors names {name}");
        }
    }

    [Fact]
    public async Task AnUnknownSlugIs404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/spectra_img/no-such-thing.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/spectra_img/no-such-thing.png")).StatusCode);
    }

    [Fact]
    public async Task ADyesSpectraAreDrawnToo()
    {
        var slug = await site.App.WithDbAsync(db => db.Dyes.Where(d => d.States.Any(s => s.Spectra.Any())).Select(d => d.Slug).FirstAsync());
        var svg = XDocument.Parse(await _client.GetStringAsync($"/spectra_img/{slug}.svg")).Root!;
        Assert.NotEmpty(svg.Descendants(Svg + "path"));
    }

    [Fact]
    public async Task ImagesArePublicPagesCachedPerProteinAndPerQuery()
    {
        var egfp = await PageRequests.ETagOf(_client, "/spectra_img/egfp.svg");
        var egfpPng = await PageRequests.ETagOf(_client, "/spectra_img/egfp.png");
        var ranged = await PageRequests.ETagOf(_client, "/spectra_img/egfp.svg?xlim=400,700");
        Assert.Equal(3, new[] { egfp, egfpPng, ranged }.Distinct().Count());

        var response = await _client.GetAsync("/spectra_img/egfp.png");
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, "/spectra_img/egfp.png", egfpPng)).StatusCode);

        // Editing mCherry leaves EGFP's image alone; moving EGFP's emission curve redraws its images at once.
        var svgBefore = await _client.GetStringAsync("/spectra_img/egfp.svg");
        var pngBefore = await _client.GetByteArrayAsync("/spectra_img/egfp.png");
        await PageRequests.Edit(site.App, async db => (await db.States.SingleAsync(s => s.Slug == "mcherry_default")).Lifetime = 1.5);
        Assert.Equal(egfp, await PageRequests.ETagOf(_client, "/spectra_img/egfp.svg"));
        await ShiftEgfpEmissionAsync(5);
        try
        {
            using var svg = await PageRequests.GetIfNoneMatch(_client, "/spectra_img/egfp.svg", egfp);
            using var png = await PageRequests.GetIfNoneMatch(_client, "/spectra_img/egfp.png", egfpPng);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (svg.StatusCode, png.StatusCode));
            Assert.NotEqual(svgBefore, await svg.Content.ReadAsStringAsync());
            Assert.NotEqual(pngBefore, await png.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await ShiftEgfpEmissionAsync(-5);
        }
    }

    private Task ShiftEgfpEmissionAsync(int nm) => PageRequests.Edit(site.App, async db =>
    {
        var emission = await db.Spectra.SingleAsync(s => s.OwnerFluor!.Slug == "egfp_default" && s.Subtype == SpectrumSubtype.Emission);
        emission.SetData(emission.MinWave + nm, emission.Values);
    });

    [Fact]
    public async Task WithoutAnExtensionTheImageIsThePngAsInFpbaseWithItsETagAndItsEdits()
    {
        var png = await _client.GetAsync("/spectra_img/egfp.png?title=true");
        var bare = await _client.GetAsync("/spectra_img/egfp?title=true");
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal("image/png", bare.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await png.Content.ReadAsByteArrayAsync(), await bare.Content.ReadAsByteArrayAsync());
        Assert.Equal(png.Headers.ETag, bare.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, "/spectra_img/egfp?title=true", bare.Headers.ETag!)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/spectra_img/no-such-thing")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/spectra_img/egfp?xlim=700,400")).StatusCode);

        var drawn = await bare.Content.ReadAsByteArrayAsync();
        await ShiftEgfpEmissionAsync(3);
        try
        {
            using var redrawn = await PageRequests.GetIfNoneMatch(_client, "/spectra_img/egfp?title=true", bare.Headers.ETag!);
            Assert.Equal(HttpStatusCode.OK, redrawn.StatusCode);
            Assert.NotEqual(drawn, await redrawn.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await ShiftEgfpEmissionAsync(-3);
        }
    }
}
