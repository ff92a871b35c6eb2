using System.Net;
using FPbase.Caching;
using FPbase.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// The site behind a real Varnish (deploy/varnish/fpbase.vcl with its fence vmod), purged after every commit:
/// what Varnish keeps it answers alone, an edit purges exactly what it touched before the writer hears back, and a
/// purge that does not arrive is retried, then refused and left to the outbox. The site purges through a relay the
/// tests can cut, so that a purge can be lost on its way while Varnish keeps serving.
/// </summary>
public sealed class VarnishEdgeTests(VarnishEdgeTests.Deployment deployment) : IClassFixture<VarnishEdgeTests.Deployment>
{
    private const string List = "/api/proteins/basic/";
    private const string Egfp = "/api/proteins/egfp/";
    private const string Unrelated = "/api/proteins/ocinfo/";

    [Fact]
    public async Task TheVclPassesItsOwnVarnishTests()
    {
        // deploy/varnish/tests: the late insert that only the fence stops, and what the VCL stores, passes and answers.
        var output = await VarnishEdge.RunVarnishTestsAsync();
        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceCachedAListIsAnsweredByVarnishAloneAndSoAreItsRevalidations()
    {
        using var client = deployment.CreateClient();
        await client.GetAsync(List);
        var mark = await deployment.Site.Responses.MarkWhenIdleAsync();

        using var again = await client.GetAsync(List);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("hit", Header(again, "X-Cache"));
        Assert.False(again.Headers.Contains("xkey"));
        Assert.False(again.Headers.Contains("Surrogate-Control"));
        Assert.Equal("public, no-cache", again.Headers.CacheControl?.ToString());

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, List);
        revalidation.Headers.IfNoneMatch.Add(again.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(again.Headers.ETag, notModified.Headers.ETag);

        Assert.Empty(deployment.Site.Responses.Since(mark, List));
    }

    [Fact]
    public async Task AnEditPurgesWhatItTouchedBeforeTheWriterHearsBack()
    {
        using var client = deployment.CreateClient();
        foreach (var path in new[] { List, Egfp, Unrelated })
        {
            await client.GetAsync(path);
        }

        var name = await RenameEgfpAsync();
        var mark = await deployment.Site.Responses.MarkWhenIdleAsync();

        Assert.Contains(name, await client.GetStringAsync(List));
        Assert.Contains(name, await client.GetStringAsync(Egfp));
        Assert.Single(deployment.Site.Responses.Since(mark, List));
        Assert.Single(deployment.Site.Responses.Since(mark, Egfp));

        // Optical configs do not depend on a protein's name: still Varnish's.
        using var unrelated = await client.GetAsync(Unrelated);
        Assert.Equal("hit", Header(unrelated, "X-Cache"));
        Assert.Empty(deployment.Site.Responses.Since(mark, Unrelated));
    }

    [Fact]
    public async Task SignedInReadersAndWritesGoToTheSite()
    {
        using var client = deployment.CreateClient();
        await client.GetAsync(List);
        var mark = await deployment.Site.Responses.MarkWhenIdleAsync();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, List);
            request.Headers.Add("Cookie", "__Host-fpbase.auth=whoever");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("pass", Header(response, "X-Cache"));
        }

        using var bearer = new HttpRequestMessage(HttpMethod.Get, List);
        bearer.Headers.Authorization = new("Bearer", "someone-elses-token");
        (await client.SendAsync(bearer)).Dispose();
        (await client.PostAsync("/graphql/", new StringContent("""{"query":"{__typename}"}""", System.Text.Encoding.UTF8, "application/json"))).Dispose();

        Assert.True(3 == deployment.Site.Responses.Since(mark, List).Count, deployment.Site.Responses.Describe(mark));
        Assert.Single(deployment.Site.Responses.Since(mark, "/graphql/"));
    }

    [Fact]
    public async Task APurgeThatFailsIsRetriedAndTheWriterWaitsForIt()
    {
        using var client = deployment.CreateClient();
        await client.GetAsync(List);
        deployment.Relay.Cut = true;
        var dropped = deployment.Relay.Dropped;
        Task<string> write;
        try
        {
            write = RenameEgfpAsync();
            while (deployment.Relay.Dropped < dropped + 2)
            {
                Assert.False(write.IsCompleted, "the write was acknowledged before its purge arrived");
                await Task.Delay(20);
            }

            Assert.False(write.IsCompleted, "the write was acknowledged before its purge arrived");
        }
        finally
        {
            deployment.Relay.Cut = false;
        }

        var name = await write;
        Assert.Contains(name, await client.GetStringAsync(List));
    }

    [Fact]
    public async Task APurgeThatNeverArrivesRefusesTheWriteAndTheOutboxPurgesItLater()
    {
        using var client = deployment.CreateClient();
        var before = await client.GetStringAsync(List);
        string name;
        deployment.Relay.Cut = true;
        try
        {
            name = "Edge-" + Guid.NewGuid().ToString("N")[..8];
            var refused = await Assert.ThrowsAsync<ResourceVersionsUnconfirmedException>(() => RenameEgfpAsync(name));
            Assert.True(refused.ToString().Contains("edge node", StringComparison.Ordinal), refused.ToString());

            // Not acknowledged, and Varnish never heard of it: the old list is still what it serves.
            using var stale = await client.GetAsync(List);
            Assert.Equal("hit", Header(stale, "X-Cache"));
            Assert.Equal(before, await stale.Content.ReadAsStringAsync());
        }
        finally
        {
            deployment.Relay.Cut = false;
        }

        // The outbox row outlives its grace period (1 s here): an instance bumps and purges it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await client.GetStringAsync(List)).Contains(name, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox never purged the refused write");
            await Task.Delay(200);
        }
    }

    private Task<string> RenameEgfpAsync(string? name = null)
    {
        name ??= "Edge-" + Guid.NewGuid().ToString("N")[..8];
        return deployment.Site.WithDbAsync(async db =>
        {
            var protein = await db.Proteins.SingleAsync(p => p.Slug == "egfp");
            protein.Name = name;
            await db.SaveChangesAsync();
            return name;
        });
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>Varnish, the site behind it, and the relay the site purges through.</summary>
    public sealed class Deployment : IAsyncLifetime
    {
        private VarnishEdge? _varnish;

        public KestrelSite Site { get; private set; } = null!;

        public TcpRelay Relay { get; private set; } = null!;

        public HttpClient CreateClient()
            => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
            {
                BaseAddress = _varnish!.Address,
            };

        public async Task InitializeAsync()
        {
            _varnish = VarnishEdge.Reserve();
            Relay = new TcpRelay(_varnish.EndPoint);
            Site = await KestrelSite.StartAsync(new Dictionary<string, string>
            {
                ["HttpCaching:Edge:Nodes:0"] = Relay.Address.ToString(),
                ["HttpCaching:Edge:PurgeTimeout"] = "00:00:02",
                ["HttpCaching:OutboxGracePeriod"] = "00:00:01",
                ["HttpCaching:OutboxPollInterval"] = "00:00:00.500",
            });
            await _varnish.StartAsync(Site.BaseAddress);
        }

        public async Task DisposeAsync()
        {
            if (_varnish is not null)
            {
                await _varnish.DisposeAsync();
            }

            await Relay.DisposeAsync();
            await Site.DisposeAsync();
        }
    }
}
