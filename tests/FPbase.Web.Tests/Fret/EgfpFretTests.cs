using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Fret;

/// <summary>The real EGFP and mCherry records (the embedded FPbase sample) in the calculator.</summary>
public sealed class EgfpFretTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task EgfpToMcherryOnDemandIsFpbasesRadiusAndIsCachedPerPair()
    {
        var response = await _client.GetAsync("/api/fret/pair/?donor=EGFP&acceptor=mcherry");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pair = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // FPbase's formula in Python on the sample's EGFP emission and mCherry excitation: R0 = 52.88 Å, J = 1.94e15.
        Assert.Equal(52.88, pair.GetProperty("forster").GetDouble());
        Assert.Equal(1.94, pair.GetProperty("overlap").GetDouble());
        Assert.Equal(11.63, pair.GetProperty("forsterQYA").GetDouble());
        Assert.Equal("EGFP", pair.GetProperty("donor").GetProperty("name").GetString());
        Assert.Equal(72000, pair.GetProperty("acceptorEC").GetInt32());

        var etag = response.Headers.ETag!;
        Assert.Equal(etag, (await _client.GetAsync("/api/fret/pair/?acceptor=mcherry&donor=egfp&n=1")).Headers.ETag);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/fret/pair/?donor=egfp&acceptor=mcherry");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        Assert.NotEqual(etag, (await _client.GetAsync("/api/fret/pair/?donor=mcherry&acceptor=egfp")).Headers.ETag);
    }

    [Fact]
    public async Task MakingEgfpMonomericPutsEgfpToMcherryIntoTheListWithTheRadiusOfThePair()
    {
        var before = await FretRequests.WaitForCurrentAsync(_client);
        Assert.Null(before.Find("egfp", "mcherry"));

        await FretEdits.SetAggregationAsync(site.App, "egfp", Aggregation.Monomer);
        var after = await FretRequests.WaitForCurrentAsync(_client, after: before.Version);

        var row = after.Find("egfp", "mcherry") ?? throw new Xunit.Sdk.XunitException("EGFP > mCherry is not in the list");
        Assert.Equal(52.88, row.Forster);
        Assert.Equal(0.6, row.DonorQy);
        Assert.Null(after.Find("mcherry", "egfp")); // mCherry's ex_max is above EGFP's: only one direction is listed
    }

    [Fact]
    public async Task ThePairCalculatorAnswersBadQueriesWithProblemDetails()
    {
        var missing = await _client.GetAsync("/api/fret/pair/?donor=&acceptor=%20");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("donor", out _));
        Assert.True(errors.TryGetProperty("acceptor", out _));

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/fret/pair/?donor={new string('a', 101)}&acceptor=mcherry")).StatusCode);

        var unknown = await _client.GetAsync("/api/fret/pair/?donor=no-such-protein&acceptor=mcherry");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var (dark, _) = await Pages.PageRequests.TwoProteins(site.App, skip: 5);
        await FretEdits.SetQuantumYieldAsync(site.App, dark, null);
        var noQy = await _client.GetAsync($"/api/fret/pair/?donor={dark}&acceptor=mcherry");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noQy.StatusCode);
        Assert.Contains("has no quantum yield", await noQy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
