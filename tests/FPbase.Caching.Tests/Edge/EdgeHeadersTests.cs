using System.Net;
using FPbase.Caching.Tests.Middleware;

namespace FPbase.Caching.Tests.Edge;

/// <summary>
/// What a response tells the edge nodes: only with nodes configured, only on a public 200 with an ETag, and never
/// anything a cache we cannot purge would act on (Cache-Control stays the policy's own).
/// </summary>
public sealed class EdgeHeadersTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(o =>
    {
        o.Edge.Nodes.Add("http://127.0.0.1:9");
        o.Edge.TimeToLive = TimeSpan.FromMinutes(10);
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APublicListNamesItsResourcesForTheEdgeAndKeepsBrowsersRevalidating()
    {
        using var response = await _app.GetAsync("/widgets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("widgets", Header(response, "xkey"));
        Assert.Equal("max-age=600", Header(response, "Surrogate-Control"));
        Assert.Equal("public, no-cache", response.CacheControl());
    }

    [Fact]
    public async Task ARowNamesItselfAndItsFamily()
    {
        using var response = await _app.GetAsync("/widgets/1");
        Assert.Equal("widget:1 widget:*", Header(response, "xkey"));
    }

    [Theory]
    [InlineData("/me")]                // depends on who asks
    [InlineData("/widgets-nostore")]   // a class that is not public
    [InlineData("/widgets/404")]       // not a 200
    public async Task NothingElseIsMarkedForTheEdge(string path)
    {
        using var response = await _app.GetAsync(path);
        Assert.Null(Header(response, "xkey"));
        Assert.Null(Header(response, "Surrogate-Control"));
    }

    [Fact]
    public async Task AReadTheShortcutAnswersIsMarkedAsThePipelinesWas()
    {
        using var first = await _app.GetAsync("/widgets", r => r.Headers.Add("Accept-Encoding", "br"));
        var arrivals = _app.PipelineArrivals;
        using var again = await _app.GetAsync("/widgets", r => r.Headers.Add("Accept-Encoding", "br"));
        Assert.Equal(arrivals, _app.PipelineArrivals);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("widgets", Header(again, "xkey"));
        Assert.Equal("max-age=600", Header(again, "Surrogate-Control"));
    }

    [Fact]
    public async Task AnUnsettledAnswerOfAResolverIsNeverMarked()
    {
        using var pending = await _app.SendAsync(HttpMethod.Post, "/query", r => r.Headers.Add("X-Query", "widgets-pending"));
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.NotNull(pending.ETag());
        Assert.Null(Header(pending, "xkey"));

        using var settled = await _app.SendAsync(HttpMethod.Post, "/query", r => r.Headers.Add("X-Query", "widgets"));
        Assert.Equal("widgets", Header(settled, "xkey"));
    }

    [Fact]
    public async Task WithoutNodesNoResponseIsMarked()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/widgets");
        Assert.NotNull(response.ETag());
        Assert.Null(Header(response, "xkey"));
        Assert.Null(Header(response, "Surrogate-Control"));
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
