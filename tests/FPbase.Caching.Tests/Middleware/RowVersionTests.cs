using System.Net;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>
/// <see cref="CacheResourcesAttribute.ConcurrencyToken"/>: a write whose If-Match matches is handed the row version the
/// matching ETag's representation was built from, so it can compare it in its transaction; when that version is no
/// longer known, the write is a 412 and does not run.
/// </summary>
public sealed class RowVersionTests
{
    [Fact]
    public async Task AWriteWithTheReadsETagInAnyCodingIsHandedTheVersionTheReadReported()
    {
        await using var app = await TestApp.StartAsync();
        var identity = (await app.GetAsync("/rows/1")).ETag()!;
        var brotli = (await app.GetAsync("/rows/1", r => r.Headers.AcceptEncoding.ParseAdd("br"))).ETag()!;

        // The row moves on without a bump (a write committed, its bump not yet arrived): the ETags stay current, and
        // the version handed over is still the one their representation was built from.
        app.RowVersions[1] = "v2";
        foreach (var etag in new[] { identity, brotli })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, "/rows/1", r => r.Headers.TryAddWithoutValidation("If-Match", etag))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, "/rows/1", r => r.Headers.TryAddWithoutValidation("If-Match", "*"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, "/rows/1")).StatusCode);
        Assert.Equal<IEnumerable<string?>>(["v1", "v1", null, null], app.RowWrites.ToList());
    }

    [Fact]
    public async Task WithPayloadsSwitchedOffTheVersionIsStillHandedOver()
    {
        await using var app = await TestApp.StartAsync(options => options.Resources["row:1"] = new ResourceSwitch { Payloads = false });
        Assert.False(app.CurrentOptions.SwitchFor("row:1").Payloads);
        var etag = (await app.GetAsync("/rows/1")).ETag()!;
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, "/rows/1", r => r.Headers.TryAddWithoutValidation("If-Match", etag))).StatusCode);
        Assert.Equal<IEnumerable<string?>>(["v1"], app.RowWrites.ToList());
        Assert.Equal(etag, (await app.GetAsync("/rows/1")).ETag());
        Assert.Equal(2, app.Invocations("row")); // no payload cached: every read ran the endpoint
    }

    [Fact]
    public async Task WhenTheVersionBehindAMatchingETagIsNoLongerKnownTheWriteIs412AndAFreshReadRestoresIt()
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/rows/1")).ETag()!;
        await app.App.Services.GetRequiredService<HybridCache>().RemoveAsync("payload:" + etag.Trim('"'));

        var refused = await app.SendAsync(HttpMethod.Put, "/rows/1", r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty(app.RowWrites);

        // Reading again rebuilds the representation under the same ETag, and with it the version.
        Assert.Equal(etag, (await app.GetAsync("/rows/1")).ETag());
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, "/rows/1", r => r.Headers.TryAddWithoutValidation("If-Match", etag))).StatusCode);
        Assert.Equal<IEnumerable<string?>>(["v1"], app.RowWrites.ToList());
    }
}
