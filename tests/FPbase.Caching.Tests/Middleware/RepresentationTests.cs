using System.IO.Compression;
using System.Net;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>Content-codings and per-user responses: each representation its own tag.</summary>
public sealed class RepresentationTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BrotliAndGzipBodiesDecompressToTheIdentityBodyEachWithItsOwnTag()
    {
        var identity = await _app.GetAsync("/widgets");
        var gzip = await _app.GetAsync("/widgets", r => r.Headers.AcceptEncoding.ParseAdd("gzip"));
        var brotli = await _app.GetAsync("/widgets", r => r.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br"));

        var identityBody = await identity.Content.ReadAsByteArrayAsync();
        Assert.Null(identity.ContentEncoding());
        Assert.Equal("gzip", gzip.ContentEncoding());
        Assert.Equal("br", brotli.ContentEncoding());
        Assert.Equal(identityBody, Decompress(new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
        Assert.Equal(identityBody, Decompress(new BrotliStream(await brotli.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
        Assert.Equal((await gzip.Content.ReadAsByteArrayAsync()).Length, gzip.Content.Headers.ContentLength);

        var tags = new[] { identity.ETag(), gzip.ETag(), brotli.ETag() };
        Assert.Equal(3, tags.Distinct().Count());
        Assert.All(new[] { identity, gzip, brotli }, r => Assert.Equal("Accept-Encoding", r.Vary()));

        // Built once, for all three codings.
        Assert.Equal(1, _app.Invocations("widgets"));
    }

    [Fact]
    public async Task IfNoneMatchMatchesOnlyTheTagOfTheRequestedCoding()
    {
        var gzipTag = (await _app.GetAsync("/widgets", r => r.Headers.AcceptEncoding.ParseAdd("gzip"))).ETag()!;

        var asGzip = await _app.GetAsync("/widgets", r =>
        {
            r.Headers.AcceptEncoding.ParseAdd("gzip");
            r.IfNoneMatch(gzipTag);
        });
        var asBrotli = await _app.GetAsync("/widgets", r =>
        {
            r.Headers.AcceptEncoding.ParseAdd("br");
            r.IfNoneMatch(gzipTag);
        });

        Assert.Equal(HttpStatusCode.NotModified, asGzip.StatusCode);
        Assert.Equal(gzipTag, asGzip.ETag());
        Assert.Equal(HttpStatusCode.OK, asBrotli.StatusCode);
        Assert.Equal("br", asBrotli.ContentEncoding());
    }

    [Fact]
    public async Task APerUserResponseIsPrivateVariesOnCredentialsAndHasATagPerUser()
    {
        var alice = await AsUser("alice");
        var bob = await AsUser("bob");
        var anonymous = await AsUser(null);

        foreach (var response in new[] { alice, bob, anonymous })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("private, no-cache", response.CacheControl());
            var vary = response.Vary().Split(',', StringSplitOptions.TrimEntries);
            Assert.Contains("Cookie", vary);
            Assert.Contains("Authorization", vary);
            Assert.Contains("Accept-Encoding", vary);
        }

        Assert.Equal(3, new[] { alice.ETag(), bob.ETag(), anonymous.ETag() }.Distinct().Count());
        Assert.Contains("alice", await alice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("bob", await bob.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Alice's tag validates Alice's copy only.
        Assert.Equal(HttpStatusCode.NotModified, (await AsUser("alice", alice.ETag())).StatusCode);
        var bobWithAlicesTag = await AsUser("bob", alice.ETag());
        Assert.Equal(HttpStatusCode.OK, bobWithAlicesTag.StatusCode);
        Assert.Contains("bob", await bobWithAlicesTag.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> AsUser(string? user, string? ifNoneMatch = null) => _app.GetAsync("/me", r =>
    {
        if (user is not null)
        {
            r.Headers.Add(TestApp.UserHeader, user);
        }

        if (ifNoneMatch is not null)
        {
            r.IfNoneMatch(ifNoneMatch);
        }
    });

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            using var output = new MemoryStream();
            stream.CopyTo(output);
            return output.ToArray();
        }
    }
}
