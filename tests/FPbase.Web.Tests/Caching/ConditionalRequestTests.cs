using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Caching;

/// <summary>What a browser, the viewer's JavaScript and a curl user see of the spectra list's caching.</summary>
public sealed class ConditionalRequestTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string SpectraList = "/api/spectra-list/";
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task AClientHoldingTheCurrentETagGets304WithoutTheDatabaseBeingTouched()
    {
        var first = await _client.GetAsync(SpectraList);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        var before = site.App.Commands.Count;
        using var request = new HttpRequestMessage(HttpMethod.Get, SpectraList);
        request.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(first.Headers.CacheControl, second.Headers.CacheControl);
        Assert.Equal(first.Headers.Vary, second.Headers.Vary);
        Assert.Equal(before, site.App.Commands.Count);

        // The counter does see the site's commands: the same client's next plain read builds nothing
        // either (cached bytes), but a query through the site's DbContext is counted.
        await site.App.WithDbAsync(db => db.Proteins.CountAsync());
        Assert.True(site.App.Commands.Count > before);
    }

    [Fact]
    public async Task TheListIsPublicRevalidatedOnEveryUseAndVariesOnEncoding()
    {
        var response = await _client.GetAsync(SpectraList);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.True(response.Headers.CacheControl.NoCache);
        Assert.Null(response.Headers.CacheControl.MaxAge);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task HeadAnswersLikeGetWithoutABody()
    {
        var get = await _client.GetAsync(SpectraList);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, SpectraList));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task BrotliAndGzipBodiesDecodeToTheSameJsonUnderTheirOwnETags()
    {
        var identity = await _client.GetAsync(SpectraList);
        var identityBytes = await identity.Content.ReadAsByteArrayAsync();

        var br = await GetEncoded("br");
        var gzip = await GetEncoded("gzip");

        Assert.Equal("br", Assert.Single(br.Content.Headers.ContentEncoding));
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Equal(identityBytes, Decode(new BrotliStream(await br.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
        Assert.Equal(identityBytes, Decode(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
        Assert.Equal(3, new[] { identity.Headers.ETag, br.Headers.ETag, gzip.Headers.ETag }.Distinct().Count());
        Assert.True(br.Content.Headers.ContentLength < identityBytes.Length / 4);
    }

    [Fact]
    public async Task ASavedSpectrumChangesTheETagAndTheOldOneGetsTheNewList()
    {
        var before = await _client.GetAsync(SpectraList);
        var filterId = await PageRequests.AddFilterWithSpectrum(site.App, "Chroma ET999/10m", 990);

        using var request = new HttpRequestMessage(HttpMethod.Get, SpectraList);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains($"\"id\":{filterId},", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASetBasedUpdateChangesTheETag()
    {
        var before = (await _client.GetAsync(SpectraList)).Headers.ETag;
        await site.App.WithDbAsync(db => db.Filters.Where(f => f.Id < 0).ExecuteUpdateAsync(s => s.SetProperty(f => f.Url, "x")));
        var after = (await _client.GetAsync(SpectraList)).Headers.ETag;
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task AnEditToAnotherResourceLeavesTheSpectraETagAlone()
    {
        var before = (await _client.GetAsync(SpectraList)).Headers.ETag;
        await site.App.WithDbAsync(async db =>
        {
            var config = await db.OpticalConfigs.OrderBy(c => c.Id).FirstAsync();
            config.Comments = "edited " + Guid.NewGuid();
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, (await _client.GetAsync(SpectraList)).Headers.ETag);
    }

    [Fact]
    public async Task AMalformedIfNoneMatchIsTreatedAsNoMatch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SpectraList);
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"unterminated, W/");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AStarIfNoneMatchGets304()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SpectraList);
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(request)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetEncoded(string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SpectraList);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        return await _client.SendAsync(request);
    }

    private static byte[] Decode(Stream stream)
    {
        using var output = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }
}
