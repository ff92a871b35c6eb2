using System.Net;

namespace FPbase.Web.Tests.Fret;

/// <summary>
/// While the worker computes the list of new versions, visitors get the last list, marked as computing with its
/// version; its ETag is neither the old current list's nor the new one's, so no client keeps a "computing" list
/// as current, nor an old current list once versions moved on.
/// </summary>
public sealed class FretComputingTests(GatedFretSite site) : IClassFixture<GatedFretSite>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task WhileANewListIsComputedTheLastOneIsServedMarkedComputingWithItsVersion()
    {
        var current = await FretRequests.WaitForCurrentAsync(_client);
        var donor = current.Rows[0].Donor;
        var held = site.Gate.Hold();

        var oldQy = await FretEdits.SetQuantumYieldAsync(site.App, donor, Math.Round(current.Rows[0].DonorQy / 2, 3));
        var computing = await FretRequests.GetListAsync(_client);

        Assert.Equal("computing", computing.State);
        Assert.Equal(current.Version, computing.Version);
        Assert.NotNull(computing.ComputingVersion);
        Assert.NotEqual(current.Version, computing.ComputingVersion);
        Assert.Equal(current.Rows, computing.Rows);
        Assert.NotEqual(current.ETag, computing.ETag);
        await held.WaitAsync(TimeSpan.FromSeconds(30)); // the worker is at work, held at the gate

        var page = await _client.GetStringAsync("/fret/");
        Assert.Contains("data-state=\"computing\"", page, StringComparison.Ordinal);
        Assert.Contains($"the list of version <code>{computing.ComputingVersion}</code> is being computed", page, StringComparison.Ordinal);
        Assert.Contains($"the list of version <code>{current.Version}</code>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatch(current.ETag!)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetIfNoneMatch(computing.ETag!)).StatusCode);

        site.Gate.Release();
        var next = await FretRequests.WaitForCurrentAsync(_client, after: current.Version);

        Assert.Equal(computing.ComputingVersion, next.Version);
        Assert.NotEqual(current.Rows[0].DonorQy, next.Rows.First(r => r.Donor == donor).DonorQy);
        Assert.Equal(oldQy, current.Rows[0].DonorQy);
        Assert.Equal(HttpStatusCode.OK, (await GetIfNoneMatch(computing.ETag!)).StatusCode);
        Assert.Contains("data-state=\"current\"", await _client.GetStringAsync("/fret/"), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> GetIfNoneMatch(string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/fret/");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return _client.SendAsync(request);
    }
}
