using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Fret;

/// <summary>The Förster list a visitor reads at <c>/api/fret/</c> and <c>/fret/</c>, and how an edit reaches it.</summary>
public sealed class FretListTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheListHoldsMonomericPairsLargestRadiusFirstAndSaysItIsCurrent()
    {
        var list = await FretRequests.WaitForCurrentAsync(_client);

        Assert.NotNull(list.Version);
        Assert.Null(list.ComputingVersion);
        Assert.NotEmpty(list.Rows);
        Assert.Equal(list.Count, list.Rows.Count);
        Assert.Equal(list.Rows.Select(r => r.Forster).OrderDescending(), list.Rows.Select(r => r.Forster));
        Assert.DoesNotContain(list.Rows, r => r.Donor == "egfp" || r.Acceptor == "egfp"); // a weak dimer for FPbase
        Assert.All(list.Rows, r => Assert.True(r.Donor != r.Acceptor));
    }

    [Fact]
    public async Task EditingADonorsQuantumYieldChangesItsRadiiInTheListOnceTheWorkerHasRun()
    {
        var before = await FretRequests.WaitForCurrentAsync(_client);
        var donor = before.Rows[^1].Donor;
        var pairs = before.Rows.Where(r => r.Donor == donor).ToList();
        var oldQy = pairs[0].DonorQy;
        var newQy = Math.Round(oldQy / 2, 3);

        await FretEdits.SetQuantumYieldAsync(site.App, donor, newQy);
        var after = await FretRequests.WaitForCurrentAsync(_client, after: before.Version);

        Assert.NotEqual(before.ETag, after.ETag);
        foreach (var old in pairs)
        {
            var now = after.Find(old.Donor, old.Acceptor) ?? throw new Xunit.Sdk.XunitException($"{old.Donor}>{old.Acceptor} left the list");
            Assert.Equal(newQy, now.DonorQy);
            Assert.Equal(old.Overlap, now.Overlap); // the spectra did not change
            Assert.Equal(old.Forster * Math.Pow(newQy / oldQy, 1.0 / 6), now.Forster, 0.011); // R0 ∝ QY^(1/6); both rounded to 0.01
        }

        Assert.Equal(
            before.Rows.Where(r => r.Donor != donor).Select(r => (r.Donor, r.Acceptor, r.Forster)).Order(),
            after.Rows.Where(r => r.Donor != donor).Select(r => (r.Donor, r.Acceptor, r.Forster)).Order());
    }

    [Fact]
    public async Task TheCalculatorPageIsInTheNavigationAndShowsTheCurrentListWithItsVersion()
    {
        var list = await FretRequests.WaitForCurrentAsync(_client);

        Assert.Contains("<a href=\"/fret/\">FRET</a>", await _client.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await _client.GetStringAsync("/fret/");
        Assert.Contains("data-state=\"current\"", page, StringComparison.Ordinal);
        Assert.Contains($"version <code>{list.Version}</code>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/protein/{list.Rows[0].Donor}/\">", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"mcherry\" selected=\"selected\">mCherry</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListsPagesAreBoundedAndABadPageIsAProblem()
    {
        var list = await FretRequests.WaitForCurrentAsync(_client);

        Assert.Equal(list.ETag, (await FretRequests.GetListAsync(_client, "?page=1&utm_source=x")).ETag);
        foreach (var (query, status) in new[] { ("?page=0", 400), ("?page=x", 400), ("?page=-1", 400), ("?page=2", 404), ("?page=99999999999", 400) })
        {
            var response = await _client.GetAsync("/api/fret/" + query);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
