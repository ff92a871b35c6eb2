using System.Net;
using System.Text.Json;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>200, 304 and 412 as a client sees them through the whole pipeline.</summary>
public sealed class ConditionalRequestTests : IAsyncLifetime
{
    private const string PublicPage = "public, no-cache";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AGetIsA200WithAStrongETagThePolicysCacheControlAndVary()
    {
        var response = await _app.GetAsync("/widgets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(PublicPage, response.CacheControl());
        Assert.Equal("Accept-Encoding", response.Vary());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["one", "two"], body.RootElement.EnumerateArray().Select(w => w.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ARepeatedGetIsServedFromTheCacheWithoutRunningTheEndpoint()
    {
        var first = await _app.GetAsync("/widgets");
        var second = await _app.GetAsync("/widgets");

        Assert.Equal(first.ETag(), second.ETag());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, _app.Invocations("widgets"));
    }

    [Fact]
    public async Task IfNoneMatchWithTheCurrentTagGets304WithTheSameHeadersNoBodyAndTheEndpointNotRun()
    {
        var ok = await _app.GetAsync("/widgets");
        var etag = ok.ETag()!;

        var notModified = await _app.GetAsync("/widgets", r => r.IfNoneMatch(etag));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.ETag());
        Assert.Equal(ok.CacheControl(), notModified.CacheControl());
        Assert.Equal(ok.Vary(), notModified.Vary());
        Assert.Equal(1, _app.Invocations("widgets"));
    }

    [Fact]
    public async Task AHeadGetsTheHeadersAndContentLengthOfTheGetWithoutABody()
    {
        // HEAD first: building the payload for a HEAD must not leave an empty body for GETs.
        var head = await _app.SendAsync(HttpMethod.Head, "/widgets");
        var get = await _app.GetAsync("/widgets");
        var getBody = await get.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.True(getBody.Length > 200);
        Assert.Equal(get.ETag(), head.ETag());
        Assert.Equal(get.CacheControl(), head.CacheControl());
        Assert.Equal(get.Vary(), head.Vary());
        Assert.Equal(1, _app.Invocations("widgets"));

        var conditionalHead = await _app.SendAsync(HttpMethod.Head, "/widgets", r => r.IfNoneMatch(get.ETag()!));
        Assert.Equal(HttpStatusCode.NotModified, conditionalHead.StatusCode);
    }

    public static TheoryData<string, string[]> MatchingForms => new()
    {
        { "weak form", ["W/{0}"] },
        { "list", ["\"stale\", {0}, W/\"older\""] },
        { "list of weak tags", ["W/\"stale\", W/{0}"] },
        { "several header lines", ["\"stale\"", "{0}"] },
        { "star", ["*"] },
    };

    [Theory]
    [MemberData(nameof(MatchingForms))]
    public async Task EveryMatchingFormOfIfNoneMatchGets304(string form, string[] lines)
    {
        var etag = (await _app.GetAsync("/widgets")).ETag()!;

        var response = await _app.GetAsync("/widgets", r => r.IfNoneMatch(lines.Select(l => l.Replace("{0}", etag, StringComparison.Ordinal)).ToArray()));

        Assert.True(response.StatusCode == HttpStatusCode.NotModified, $"{form}: {response.StatusCode}");
        Assert.Equal(etag, response.ETag());
    }

    [Theory]
    [InlineData("unquoted")]
    [InlineData("trailing garbage")]
    [InlineData("stale")]
    public async Task AnIfNoneMatchThatIsMalformedOrStaleGetsTheFull200(string form)
    {
        var etag = (await _app.GetAsync("/widgets")).ETag()!;
        var header = form switch
        {
            "unquoted" => etag.Trim('"'),
            "trailing garbage" => etag + ", garbage",
            _ => "\"stale\"",
        };

        var response = await _app.GetAsync("/widgets", r => r.IfNoneMatch(header));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.ETag());
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task APostWithAMatchingIfNoneMatchGets412ProblemJsonAndTheEndpointDoesNotRun()
    {
        var etag = (await _app.GetAsync("/widgets")).ETag()!;

        var response = await _app.SendAsync(HttpMethod.Post, "/widgets", r => r.IfNoneMatch(etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(412, problem.GetProperty("status").GetInt32());
        Assert.Equal(etag, response.ETag());
        Assert.Equal("no-cache", response.CacheControl());
        Assert.Equal(0, _app.Invocations("widgets-post"));

        // Without the precondition the POST runs.
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync(HttpMethod.Post, "/widgets")).StatusCode);
        Assert.Equal(1, _app.Invocations("widgets-post"));
    }

    [Fact]
    public async Task AStaleIfMatchGets412AndTheCurrentOneInAnyCodingProceeds()
    {
        var identity = (await _app.GetAsync("/widgets")).ETag()!;
        var brotli = (await _app.GetAsync("/widgets", r => r.Headers.AcceptEncoding.ParseAdd("br"))).ETag()!;

        var stale = await _app.SendAsync(HttpMethod.Post, "/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", "\"stale\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(0, _app.Invocations("widgets-post"));

        var weak = await _app.SendAsync(HttpMethod.Post, "/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", "W/" + identity));
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);

        var current = await _app.SendAsync(HttpMethod.Post, "/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", brotli));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(1, _app.Invocations("widgets-post"));

        var staleGet = await _app.GetAsync("/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", "\"stale\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleGet.StatusCode);
    }

    [Fact]
    public async Task AfterABumpTheResponseHasANewETagAndTheOldTagNoLongerGets304()
    {
        var before = await _app.GetAsync("/widgets");
        var oldTag = before.ETag()!;

        _app.Widgets[3] = "three";
        await _app.BumpAsync("widgets");

        var after = await _app.GetAsync("/widgets", r => r.IfNoneMatch(oldTag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(oldTag, after.ETag());
        Assert.Contains("three", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, _app.Invocations("widgets"));

        Assert.Equal(HttpStatusCode.OK, (await _app.GetAsync("/widgets", r => r.IfNoneMatch(oldTag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await _app.GetAsync("/widgets", r => r.IfNoneMatch(after.ETag()!))).StatusCode);
        Assert.Equal(2, _app.Invocations("widgets"));
    }

    [Fact]
    public async Task ABumpOfAnotherResourceKeepsTheTag()
    {
        var etag = (await _app.GetAsync("/widgets")).ETag()!;

        await _app.BumpAsync("gadgets", "widget:1");

        Assert.Equal(HttpStatusCode.NotModified, (await _app.GetAsync("/widgets", r => r.IfNoneMatch(etag))).StatusCode);
    }

    [Fact]
    public async Task APerRowTagChangesWithItsRowOrItsFamilyOnly()
    {
        var one = (await _app.GetAsync("/widgets/1")).ETag()!;
        var two = (await _app.GetAsync("/widgets/2")).ETag()!;
        Assert.NotEqual(one, two);

        await _app.BumpAsync("widget:2");
        Assert.Equal(HttpStatusCode.NotModified, (await _app.GetAsync("/widgets/1", r => r.IfNoneMatch(one))).StatusCode);
        var twoAfter = await _app.GetAsync("/widgets/2", r => r.IfNoneMatch(two));
        Assert.Equal(HttpStatusCode.OK, twoAfter.StatusCode);

        // A set-based write bumps the family: every row's tag changes.
        await _app.BumpAsync("widget:*");
        Assert.Equal(HttpStatusCode.OK, (await _app.GetAsync("/widgets/1", r => r.IfNoneMatch(one))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.GetAsync("/widgets/2", r => r.IfNoneMatch(twoAfter.ETag()!))).StatusCode);
    }

    [Fact]
    public async Task ADeclaredQueryParameterIsAnotherVariantWithItsOwnTag()
    {
        var plain = (await _app.GetAsync("/echo-query")).ETag()!;
        var other = await _app.GetAsync("/echo-query?a=2", r => r.IfNoneMatch(plain));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(plain, other.ETag());
    }

    [Theory]
    [InlineData("/widgets?page=2", "/widgets")]
    [InlineData("/echo-query?zz=1&c=none&a=", "/echo-query")]
    [InlineData("/echo-query?b=2&a=1", "/echo-query?a=1&b=2")]
    [InlineData("/echo-query?a=0&a=1", "/echo-query?a=1")]
    public async Task UndeclaredParametersOrderRepeatsEmptiesAndDefaultsMakeNoVariant(string spelling, string canonical)
    {
        var tag = (await _app.GetAsync(canonical)).ETag()!;
        var response = await _app.GetAsync(spelling, r => r.IfNoneMatch(tag));
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task TheEndpointSeesTheCanonicalQueryOnly()
    {
        var response = await _app.GetAsync("/echo-query?b=x%20y&zz=1&a=3&c=none&a=1&%C3%BC=%26");
        Assert.Equal("?a=1&b=x%20y&%C3%BC=%26", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A404IsNotCachedAndCarriesNoETag()
    {
        var first = await _app.GetAsync("/widgets/999");
        var second = await _app.GetAsync("/widgets/999", r => r.IfNoneMatch("*"));

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.ETag);
            Assert.Equal("no-cache", response.CacheControl());
            Assert.Contains("999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, _app.Invocations("widget"));

        // Once the row exists, it is cached like any other.
        _app.Widgets[999] = "late";
        await _app.BumpAsync("widget:999");
        var created = await _app.GetAsync("/widgets/999");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await _app.GetAsync("/widgets/999", r => r.IfNoneMatch("*"))).StatusCode);
        Assert.Equal(3, _app.Invocations("widget"));
    }

    [Fact]
    public async Task AHeadThatBuildsAFileResultFirstLeavesTheFullBodyForTheGetsAfterIt()
    {
        var head = await _app.SendAsync(HttpMethod.Head, "/widgets.svg");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        var get = await _app.GetAsync("/widgets.svg");
        var body = await get.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("widgets</text></svg>", body, StringComparison.Ordinal);
        Assert.Equal(body.Length, get.Content.Headers.ContentLength);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal(1, _app.Invocations("svg"));
    }

    [Fact]
    public async Task TheFreshnessClassComesFromTheEndpointElseTheDefault()
    {
        Assert.Equal("public, no-cache, s-maxage=60", (await _app.GetAsync("/widgets-list")).CacheControl());
        Assert.Equal("no-store", (await _app.GetAsync("/widgets-nostore")).CacheControl());
        Assert.Equal(PublicPage, (await _app.GetAsync("/widgets")).CacheControl());
    }

    [Fact]
    public async Task AnEndpointWithoutCacheResourcesIsLeftAlone()
    {
        var response = await _app.GetAsync("/plain", r => r.IfNoneMatch("*"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal(string.Empty, response.CacheControl());
    }
}
