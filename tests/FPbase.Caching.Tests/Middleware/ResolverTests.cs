using System.Net;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>Endpoints whose resources the request names (GraphQL-like POST reads).</summary>
public sealed class ResolverTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> QueryAsync(string query, string? ifNoneMatch = null) => _app.SendAsync(HttpMethod.Post, "/query", r =>
    {
        r.Headers.Add("X-Query", query);
        if (ifNoneMatch is not null)
        {
            r.IfNoneMatch(ifNoneMatch);
        }
    });

    [Fact]
    public async Task ASafePostIsCachedAndValidatedLikeAGetUnderTheResolvedResources()
    {
        var first = await QueryAsync("widgets");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);

        var again = await QueryAsync("widgets");
        Assert.Equal(first.ETag(), again.ETag());
        Assert.Equal(1, _app.Invocations("query"));
        Assert.Equal(HttpStatusCode.NotModified, (await QueryAsync("widgets", first.ETag())).StatusCode);

        // Another query is another variant; a bump of a resource it does not name leaves it alone.
        var row = await QueryAsync("widget:1");
        Assert.NotEqual(first.ETag(), row.ETag());
        await _app.BumpAsync("widget:1");
        Assert.Equal(HttpStatusCode.NotModified, (await QueryAsync("widgets", first.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await QueryAsync("widget:1", row.ETag())).StatusCode);
    }

    [Fact]
    public async Task ARequestTheResolverRefusesIsServedFreshWithoutValidators()
    {
        for (var i = 0; i < 2; i++)
        {
            var response = await QueryAsync("mutation { deleteWidget }", "*");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.ETag);
            Assert.Equal("no-cache", response.CacheControl());
        }

        Assert.Equal(2, _app.Invocations("query"));
    }
}
