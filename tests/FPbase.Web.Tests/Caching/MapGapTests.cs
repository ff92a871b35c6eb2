using System.Net;
using System.Text.Json.Nodes;
using FPbase.Data.Entities;
using FPbase.Web.Tests.GraphQL;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Caching;

/// <summary>
/// Fields a response shows from a row further away than its own resources: a change to that row changes the
/// response's ETag and the revalidated body shows the new value.
/// </summary>
public sealed class MapGapTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task EditingABleachMeasurementsReferenceChangesTheProteinsJson()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, 3);
        var doi = "10.5555/bleach." + Guid.NewGuid().ToString("N")[..8];
        var referenceId = await site.App.WithDbAsync(async db =>
        {
            var state = await db.States.Where(s => s.Protein.Slug == slug).OrderBy(s => s.Id).FirstAsync();
            var reference = new Reference { Doi = doi, Title = "Bleaching", Journal = "J" };
            db.BleachMeasurements.Add(new BleachMeasurement { State = state, Rate = 12.5, Reference = reference });
            await db.SaveChangesAsync();
            return reference.Id;
        });
        var url = $"/api/proteins/{slug}/";
        var first = await _client.GetAsync(url);
        Assert.Contains(doi, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = first.Headers.ETag!;

        var edited = doi + ".v2";
        await PageRequests.Edit(site.App, async db => (await db.References.SingleAsync(r => r.Id == referenceId)).Doi = edited);

        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(edited, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingAFiltersSpectrumChangesAFilterPlacementsSpectrumId()
    {
        var (configId, spectrumId) = await site.App.WithDbAsync(async db =>
        {
            var filter = new Filter();
            filter.ApplyName("Gap " + Guid.NewGuid().ToString("N")[..8] + " 525/50");
            var config = await db.OpticalConfigs.OrderBy(c => c.Id).FirstAsync();
            db.FilterPlacements.Add(new FilterPlacement { Filter = filter, ConfigId = config.Id, Path = FilterPath.Emission });
            var spectrum = new Spectrum { Category = SpectrumCategory.Filter, Subtype = SpectrumSubtype.BandpassEmission, OwnerFilter = filter, Status = SpectrumStatus.Pending };
            spectrum.SetData(500, [0.1f, 0.9f, 0.1f]);
            db.Spectra.Add(spectrum);
            await db.SaveChangesAsync();
            return (config.Id, spectrum.Id);
        });
        var query = $"{{ opticalConfig(id: {configId}) {{ filters {{ spectrumId }} }} }}";
        var first = await _client.SendAsync(GraphQLClient.Post(query));
        var ids = SpectrumIds(await first.Content.ReadAsStringAsync());
        Assert.DoesNotContain(spectrumId.ToString(System.Globalization.CultureInfo.InvariantCulture), ids);

        await PageRequests.Edit(site.App, async db => (await db.Spectra.IgnoreQueryFilters().SingleAsync(s => s.Id == spectrumId)).Status = SpectrumStatus.Approved);

        var after = await _client.SendAsync(GraphQLClient.Post(query).WithIfNoneMatch(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(spectrumId.ToString(System.Globalization.CultureInfo.InvariantCulture), SpectrumIds(await after.Content.ReadAsStringAsync()));
    }

    private static List<string?> SpectrumIds(string body)
        => JsonNode.Parse(body)!["data"]!["opticalConfig"]!["filters"]!.AsArray().Select(f => f!["spectrumId"]?.ToString()).ToList();
}
