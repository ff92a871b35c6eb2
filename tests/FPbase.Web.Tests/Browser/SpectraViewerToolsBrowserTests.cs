using System.Globalization;
using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// What microscopists use the viewer for, in a real browser: FPbase's deep links, two-photon spectra on request,
/// an optical config and the efficiencies through it, custom filters and lasers, and exports of what is drawn.
/// </summary>
public sealed class SpectraViewerToolsBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task AnFpbaseLinkDrawsItsSpectraOnAOnePhotonAxisAndTheOldHashLinkStillWorks()
    {
        var (ex, em, _) = await EgfpAsync();
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync($"/spectra/?s={ex.Id},{em.Id}");
        await ExpectPlottedAsync(tab, 2);
        await Assertions.Expect(page.Locator($"#spectra-plot g.spectrum[data-spectrum-id='{ex.Id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#spectra-plot g.spectrum[data-spectrum-id='{em.Id}']")).ToHaveCountAsync(1);
        // The axis spans the drawn curves (rounded out to 10 nm), not the 2P range; every curve peaks at 1.
        Assert.Equal(Math.Floor(Math.Min(ex.MinWave, em.MinWave) / 10.0) * 10, await AttributeAsync(page, "data-x-min"));
        Assert.Equal(Math.Ceiling(Math.Max(ex.MaxWave, em.MaxWave) / 10.0) * 10, await AttributeAsync(page, "data-x-max"));
        Assert.Equal(1, await AttributeAsync(page, "data-y-max"));

        // FPbase's range parameters; and this viewer's old #s= links, rewritten to FPbase's form.
        await page.GotoAsync($"/spectra/?s={ex.Id}&xMin=450&xMax=600");
        await ExpectPlottedAsync(tab, 1);
        Assert.Equal(450, await AttributeAsync(page, "data-x-min"));
        Assert.Equal(600, await AttributeAsync(page, "data-x-max"));
        await page.GotoAsync($"/spectra/#s={em.Id}");
        await ExpectPlottedAsync(tab, 1);
        Assert.EndsWith($"/spectra/?s={em.Id}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPhotonSpectraAreDrawnOnlyWhenAskedFor()
    {
        var (ex, em, twoPhoton) = await EgfpAsync();
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync($"/spectra/?s={ex.Id},{em.Id},{twoPhoton.Id}");
        await ExpectPlottedAsync(tab, 2);
        await Assertions.Expect(page.Locator("#spectra-plot g.spectrum[data-subtype='2p']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#plot-legend li.off[data-spectrum-id='{twoPhoton.Id}']")).ToHaveCountAsync(1);
        Assert.True(await AttributeAsync(page, "data-x-max") < twoPhoton.MaxWave);

        await page.CheckAsync("#show-2p");
        await ExpectPlottedAsync(tab, 3);
        await Assertions.Expect(page.Locator($"#spectra-plot g.spectrum[data-spectrum-id='{twoPhoton.Id}']")).ToHaveCountAsync(1);
        Assert.Equal(Math.Ceiling(twoPhoton.MaxWave / 10.0) * 10, await AttributeAsync(page, "data-x-max"));
        Assert.Equal(1, await AttributeAsync(page, "data-y-max")); // the 2P curve scaled to its own peak
        Assert.Contains("twop=1", page.Url, StringComparison.Ordinal);

        await page.UncheckAsync("#show-2p");
        await ExpectPlottedAsync(tab, 2);
    }

    [Fact]
    public async Task PickingAnOpticalConfigDrawsItsPartsAndGivesFpbasesEfficienciesForEgfp()
    {
        var (ex, em, _) = await EgfpAsync();
        var expected = await site.WithDbAsync(db => ExpectedEfficiencyAsync(db, ex, em));
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync($"/spectra/?s={ex.Id},{em.Id}");
        await ExpectPlottedAsync(tab, 2);

        await page.SelectOptionAsync("#optical-config", expected.ConfigId.ToString(CultureInfo.InvariantCulture));
        var row = page.Locator("#efficiency tbody tr[data-owner]");
        await tab.ExpectAsync(_ => Assertions.Expect(row).ToHaveCountAsync(1));
        await Assertions.Expect(row.Locator("th")).ToHaveTextAsync("EGFP");
        await Assertions.Expect(row.Locator("td.em")).ToHaveTextAsync(Percent(expected.Em));
        await Assertions.Expect(row.Locator("td.ex")).ToHaveTextAsync(expected.Ex is { } value ? Percent(value) : "–");
        var egfp = await site.WithDbAsync(db => db.States.AsNoTracking().SingleAsync(s => s.Slug == "egfp_default"));
        var brightness = expected.Ex * expected.Em * egfp.ExtCoeff * egfp.Qy / 1000; // FPbase's, through the config
        await Assertions.Expect(row.Locator("td.bright")).ToHaveTextAsync(brightness is { } b ? b.ToString("0.00", CultureInfo.InvariantCulture) : "–");
        await Assertions.Expect(page.Locator("#efficiency-config")).ToHaveTextAsync(expected.Name);
        foreach (var id in expected.PartSpectra)
        {
            await Assertions.Expect(page.Locator($"#spectra-plot g.spectrum[data-spectrum-id='{id}']")).ToHaveCountAsync(1);
        }

        Assert.Contains($"oc={expected.ConfigId}", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync(); // the link keeps the config, and the table comes back
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#efficiency tbody tr[data-owner] td.em")).ToHaveTextAsync(Percent(expected.Em)));
    }

    [Fact]
    public async Task ACustomBandpassAndLaserAreDrawnLinkedAndExportedWithTheSpectraAsCsvSvgAndPng()
    {
        var (ex, em, _) = await EgfpAsync();
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync($"/spectra/?s={ex.Id},{em.Id}");
        await ExpectPlottedAsync(tab, 2);

        await page.FillAsync("#cf-center", "510");
        await page.FillAsync("#cf-width", "20");
        await page.ClickAsync("#add-filter");
        await ExpectPlottedAsync(tab, 3);
        await page.FillAsync("#laser-wave", "488");
        await page.ClickAsync("#add-laser");
        await ExpectPlottedAsync(tab, 4);
        await Assertions.Expect(page.Locator("#spectra-plot g.spectrum[data-spectrum-id='$cf0_BP_510_20_90']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#spectra-plot g.spectrum[data-spectrum-id='$cl1_488']")).ToHaveCountAsync(1);
        Assert.EndsWith($"?s={ex.Id},{em.Id},$cf0_BP_510_20_90,$cl1_488", page.Url, StringComparison.Ordinal); // FPbase's form

        var csv = await DownloadTextAsync(page, "#export-csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("wavelength,EGFP ex,EGFP em,Custom 510/20 bp,488 laser", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => int.Parse(c[0], CultureInfo.InvariantCulture));
        Assert.Equal("0.9", rows[510][3]);
        Assert.Equal("1", rows[488][4]);
        Assert.Equal("1", rows[em.PeakWave!.Value][2]); // scaled to its own peak
        var emMax = em.Values.Max();
        Assert.Equal(em.Values[500 - em.MinWave] / emMax, double.Parse(rows[500][2], CultureInfo.InvariantCulture), 0.00001);

        var svg = await DownloadTextAsync(page, "#export-svg");
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("data-spectrum-id=\"$cf0_BP_510_20_90\"", svg, StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        var png = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal("fpbase_spectra.png", download.SuggestedFilename);
    }

    [Fact]
    public async Task EmissionIsScaledToExcitationAtAWavelengthOrByQuantumYieldAndAreasFillOnRequest()
    {
        var (ex, em, _) = await EgfpAsync();
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync($"/spectra/?s={ex.Id},{em.Id}&normWave=450&normID=$cl0");
        await ExpectPlottedAsync(tab, 2);
        var csv = await DownloadTextAsync(page, "#export-csv");
        var peakRow = csv.Split("\r\n").Single(l => l.StartsWith($"{em.PeakWave},", StringComparison.Ordinal)).Split(',');
        var expected = ex.Values[450 - ex.MinWave] / ex.Values.Max();
        Assert.Equal(expected, double.Parse(peakRow[2], CultureInfo.InvariantCulture), 0.00001);
        Assert.Equal("450", await page.InputValueAsync("#norm-wave"));

        // FPbase's scaleQY (the QY from /spectra/{owner-slug}) and areaFill=0.
        var qy = await site.WithDbAsync(db => db.States.Where(s => s.Slug == "egfp_default").Select(s => s.Qy).SingleAsync());
        await page.GotoAsync($"/spectra/?s={ex.Id},{em.Id}&scaleQY=1&areaFill=0");
        await ExpectPlottedAsync(tab, 2);
        await Assertions.Expect(page.Locator("#scale-qy")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#spectra-plot g.spectrum path[fill-opacity]")).ToHaveCountAsync(0);
        csv = await DownloadTextAsync(page, "#export-csv");
        peakRow = csv.Split("\r\n").Single(l => l.StartsWith($"{em.PeakWave},", StringComparison.Ordinal)).Split(',');
        Assert.Equal(qy!.Value, double.Parse(peakRow[2], CultureInfo.InvariantCulture), 0.00001);
        await page.UncheckAsync("#area-fill");
        await page.CheckAsync("#area-fill");
        await ExpectPlottedAsync(tab, 2);
        await Assertions.Expect(page.Locator("#spectra-plot g.spectrum path[fill-opacity]")).ToHaveCountAsync(2);
    }

    private static string Percent(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static async Task ExpectPlottedAsync(BrowserTab tab, int count)
        => await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#viewer")).ToHaveAttributeAsync("data-plotted", count.ToString(CultureInfo.InvariantCulture)));

    private static async Task<double> AttributeAsync(IPage page, string name)
        => double.Parse((await page.GetAttributeAsync("#spectra-plot", name))!, CultureInfo.InvariantCulture);

    private static async Task<string> DownloadTextAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    private Task<(Spectrum Ex, Spectrum Em, Spectrum TwoPhoton)> EgfpAsync() => site.WithDbAsync(async db =>
    {
        var spectra = await db.Spectra.AsNoTracking().Where(s => s.OwnerFluor!.Slug == "egfp_default").ToListAsync();
        return (spectra.Single(s => s.Subtype == SpectrumSubtype.Excitation), spectra.Single(s => s.Subtype == SpectrumSubtype.Emission),
            spectra.Single(s => s.Subtype == SpectrumSubtype.TwoPhoton));
    });

    private sealed record Expected(int ConfigId, string Name, double? Ex, double Em, IReadOnlyList<int> PartSpectra);

    /// <summary>FPbase's efficiencies (backend/proteins/util/efficiency.py) of EGFP through the first config that collects some of its emission.</summary>
    private static async Task<Expected> ExpectedEfficiencyAsync(FpbaseDbContext db, Spectrum ex, Spectrum em)
    {
        var configs = await db.OpticalConfigs.AsNoTracking()
            .Include(c => c.FilterPlacements).ThenInclude(p => p.Filter).ThenInclude(f => f.Spectrum)
            .Include(c => c.Light).ThenInclude(l => l!.Spectrum)
            .Include(c => c.Camera).ThenInclude(c => c!.Spectrum)
            .Where(c => c.FilterPlacements.Any(p => p.Path == FilterPath.Emission))
            .OrderBy(c => c.Id).ToListAsync();
        foreach (var config in configs)
        {
            var placed = config.FilterPlacements.Where(p => p.Filter.Spectrum is not null).ToList();
            var exPath = new List<double[]>();
            var exStarts = new List<int>();
            var emPath = new List<double[]>();
            var emStarts = new List<int>();
            void Add(List<double[]> path, List<int> starts, Spectrum s, bool inverted)
            {
                path.Add([.. s.Values.Select(v => inverted ? 1 - (double)v : v)]);
                starts.Add(s.MinWave);
            }

            if (config.Laser is { } laser)
            {
                exPath.Add([0, 1, 0]);
                exStarts.Add(laser - 1);
            }
            else if (config.Light?.Spectrum is { } light)
            {
                Add(exPath, exStarts, light, false);
            }

            if (config.Camera?.Spectrum is { } camera)
            {
                Add(emPath, emStarts, camera, false);
            }

            foreach (var p in placed.Where(p => p.Path == FilterPath.Beamsplitter))
            {
                Add(exPath, exStarts, p.Filter.Spectrum!, !p.Reflects);
                Add(emPath, emStarts, p.Filter.Spectrum!, p.Reflects);
            }

            foreach (var p in placed.Where(p => p.Path != FilterPath.Beamsplitter))
            {
                Add(p.Path == FilterPath.Excitation ? exPath : emPath, p.Path == FilterPath.Excitation ? exStarts : emStarts, p.Filter.Spectrum!, p.Reflects);
            }

            var emEfficiency = Ratio(emPath, emStarts, em, pathIsDenominator: false);
            if (emEfficiency is > 0.05)
            {
                var parts = placed.Select(p => p.Filter.Spectrum!.Id)
                    .Concat(new[] { config.Light?.Spectrum?.Id, config.Camera?.Spectrum?.Id }.OfType<int>()).ToList();
                return new Expected(config.Id, config.Name, exPath.Count > 0 ? Ratio(exPath, exStarts, ex, pathIsDenominator: true) : null, emEfficiency.Value, parts);
            }
        }

        throw new InvalidOperationException("No optical config of the sample collects EGFP's emission.");
    }

    /// <summary>area(path x fluor) / area(path) or / area(fluor), products over the range all share, trapezoids 1 nm wide.</summary>
    private static double? Ratio(List<double[]> path, List<int> starts, Spectrum fluor, bool pathIsDenominator)
    {
        if (path.Count == 0)
        {
            return null;
        }

        var pathProduct = Product(path, starts);
        if (pathProduct.Values.Length == 0)
        {
            return null; // the parts share no wavelength: the viewer has no path either
        }

        var total = pathIsDenominator ? Area(pathProduct.Values) : Area([.. fluor.Values.Select(v => (double)v)]);
        var combined = Product([.. path, [.. fluor.Values.Select(v => (double)v)]], [.. starts, fluor.MinWave]);
        return total > 0 ? Area(combined.Values) / total : 0;
    }

    private static (int Start, double[] Values) Product(List<double[]> spectra, List<int> starts)
    {
        var left = starts.Max();
        var right = spectra.Select((s, i) => starts[i] + s.Length - 1).Min();
        if (right < left)
        {
            return (left, []);
        }

        var values = new double[right - left + 1];
        for (var nm = left; nm <= right; nm++)
        {
            var value = 1.0;
            for (var i = 0; i < spectra.Count; i++)
            {
                value *= spectra[i][nm - starts[i]];
            }

            values[nm - left] = value;
        }

        return (left, values);
    }

    private static double Area(double[] values)
    {
        var sum = 0.0;
        for (var i = 1; i < values.Length; i++)
        {
            sum += 0.5 * (values[i] + values[i - 1]);
        }

        return sum;
    }
}
