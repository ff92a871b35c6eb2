using System.Net;
using FPbase.Caching.Http.Shortcut;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>
/// The shortcut answers, before the pipeline, only what the ETag filter would have answered: the same 304 with the
/// same headers for the current version, the same bytes when it holds them, and nothing for an old version, a
/// per-user response, a request with credentials, a client the host refuses, or a URL it has not seen the filter answer.
/// </summary>
public sealed class RevalidationShortcutTests
{
    [Fact]
    public async Task ARevalidationOfALearnedUrlIsAnsweredBeforeThePipelineWithTheFiltersOwn304()
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets/1")).ETag()!;
        app.Reconfigure(nameof(HttpCachingOptions.RevalidationShortcut), "false");
        var fromFilter = await app.GetAsync("/widgets/1", r => r.IfNoneMatch(etag));
        app.Reconfigure(nameof(HttpCachingOptions.RevalidationShortcut), "true");
        var arrivals = app.PipelineArrivals;

        var fromShortcut = await app.GetAsync("/widgets/1", r => r.IfNoneMatch(etag));

        Assert.Equal(arrivals, app.PipelineArrivals);
        Assert.Equal(1, Routes(app).Answered);
        Assert.Equal(HttpStatusCode.NotModified, fromShortcut.StatusCode);
        Assert.Equal(Headers(fromFilter), Headers(fromShortcut));
        Assert.Empty(await fromShortcut.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task ARepeatedReadIsServedFromMemoryBeforeThePipelineWithTheFiltersBytesAndHeaders(string method)
    {
        await using var app = await TestApp.StartAsync();
        var verb = new HttpMethod(method);
        var fromFilter = await app.SendAsync(verb, "/widgets", r => r.Headers.Add("Accept-Encoding", "br"));
        var arrivals = app.PipelineArrivals;

        var fromShortcut = await app.SendAsync(verb, "/widgets", r => r.Headers.Add("Accept-Encoding", "br"));

        Assert.Equal(arrivals, app.PipelineArrivals);
        Assert.Equal(HttpStatusCode.OK, fromShortcut.StatusCode);
        Assert.Equal(Headers(fromFilter), Headers(fromShortcut));
        Assert.Equal(await fromFilter.Content.ReadAsByteArrayAsync(), await fromShortcut.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, app.Invocations("widgets"));
    }

    [Fact]
    public async Task WithPayloadsSwitchedOffAReadTakesThePipelineAndARevalidationStillGetsItsIdentity304()
    {
        await using var app = await TestApp.StartAsync();
        app.Reconfigure("Resources:widgets:Payloads", "false");
        var etag = (await app.GetAsync("/widgets")).ETag()!;
        await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
        var arrivals = app.PipelineArrivals;

        var read = await app.GetAsync("/widgets");
        var revalidation = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, revalidation.StatusCode);
        Assert.Equal(arrivals + 1, app.PipelineArrivals);
        Assert.Equal(2, app.Invocations("widgets"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("identity")]
    public async Task EachCodingsTagIsMatchedAsTheFilterMatchesIt(string coding)
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets", r => r.Headers.Add("Accept-Encoding", coding))).ETag()!;

        // The same tag with another coding names other bytes: a 200 of that coding's bytes, not a 304.
        var other = coding == "br" ? "gzip" : "br";
        var otherCoding = await app.GetAsync("/widgets", r =>
        {
            r.IfNoneMatch(etag);
            r.Headers.Add("Accept-Encoding", other);
        });
        var sameCoding = await app.GetAsync("/widgets", r =>
        {
            r.IfNoneMatch(etag);
            r.Headers.Add("Accept-Encoding", coding);
        });

        Assert.Equal(HttpStatusCode.OK, otherCoding.StatusCode);
        Assert.Equal(other, otherCoding.ContentEncoding());
        Assert.NotEqual(etag, otherCoding.ETag());
        Assert.Equal(HttpStatusCode.NotModified, sameCoding.StatusCode);
        Assert.Equal(2, Routes(app).Answered);
    }

    [Fact]
    public async Task AfterABumpTheOldTagGetsTheNewDataNotA304()
    {
        await using var app = await TestApp.StartAsync();
        var oldTag = (await app.GetAsync("/widgets")).ETag()!;
        await app.GetAsync("/widgets", r => r.IfNoneMatch(oldTag));

        app.Widgets[3] = "three";
        await app.BumpAsync("widgets");
        var after = await app.GetAsync("/widgets", r => r.IfNoneMatch(oldTag));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("three", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, app.Invocations("widgets"));
        Assert.Equal(1, Routes(app).Answered);
        Assert.Equal(HttpStatusCode.NotModified, (await app.GetAsync("/widgets", r => r.IfNoneMatch(after.ETag()!))).StatusCode);
        Assert.Equal(2, Routes(app).Answered);
    }

    [Theory]
    [InlineData("Cookie", "session=1")]
    [InlineData("Authorization", "Bearer x")]
    [InlineData("Origin", "https://example.org")]
    public async Task ARequestWithCredentialsOrAnOriginTakesThePipeline(string header, string value)
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets")).ETag()!;
        var arrivals = app.PipelineArrivals;

        var response = await app.GetAsync("/widgets", r =>
        {
            r.IfNoneMatch(etag);
            r.Headers.TryAddWithoutValidation(header, value);
        });

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(arrivals + 1, app.PipelineArrivals);
        Assert.Equal(0, Routes(app).Answered);
        Assert.Equal(1, Routes(app).Count);
    }

    [Fact]
    public async Task PerUserAndResolvedResponsesAreNeverLearned()
    {
        await using var app = await TestApp.StartAsync();
        var me = (await app.GetAsync("/me")).ETag()!;
        var query = (await app.SendAsync(HttpMethod.Post, "/query", r => r.Headers.Add("X-Query", "widgets"))).ETag()!;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await app.GetAsync("/me", r => r.IfNoneMatch(me))).StatusCode);
        }

        Assert.Equal(0, Routes(app).Count);
        Assert.Equal(0, Routes(app).Answered);
        Assert.NotNull(query);
    }

    [Fact]
    public async Task AClientTheHostDoesNotAdmitIsLeftToThePipeline()
    {
        var admit = false;
        await using var app = await TestApp.StartAsync(shortcut: s => s.Admit = _ => admit);
        var etag = (await app.GetAsync("/widgets")).ETag()!;
        var arrivals = app.PipelineArrivals;

        var refused = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
        admit = true;
        var admitted = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));

        Assert.Equal(HttpStatusCode.NotModified, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, admitted.StatusCode);
        Assert.Equal(arrivals + 1, app.PipelineArrivals);
        Assert.Equal(1, Routes(app).Answered);
    }

    [Fact]
    public async Task ABypassedEndpointIsNeverLearned()
    {
        await using var app = await TestApp.StartAsync(shortcut: s => s.Bypass = endpoint => endpoint.DisplayName?.Contains("/widgets/{id}", StringComparison.Ordinal) == true);
        var etag = (await app.GetAsync("/widgets/1")).ETag()!;
        await app.GetAsync("/widgets/1", r => r.IfNoneMatch(etag));
        await app.GetAsync("/widgets/1", r => r.IfNoneMatch(etag));

        Assert.Equal(0, Routes(app).Count);
        Assert.Equal(0, Routes(app).Answered);
    }

    [Fact]
    public async Task SwitchedOffAtRuntimeEveryRequestTakesThePipeline()
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets")).ETag()!;
        await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));

        app.Reconfigure(nameof(HttpCachingOptions.RevalidationShortcut), "false");
        var arrivals = app.PipelineArrivals;
        var response = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(arrivals + 1, app.PipelineArrivals);
        Assert.Equal(1, Routes(app).Answered);
    }

    [Fact]
    public async Task AResourceSwitchOrAFormatChangedAfterLearningIsObeyed()
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets")).ETag()!;
        await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));

        app.Reconfigure("Resources:widgets:ETags", "false");
        var switchedOff = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
        Assert.Equal(HttpStatusCode.OK, switchedOff.StatusCode);
        Assert.Null(switchedOff.ETag());

        app.Reconfigure("Resources:widgets:ETags", "true");
        app.Reconfigure(nameof(HttpCachingOptions.FormatVersion), "next-deploy");
        var newFormat = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
        Assert.Equal(HttpStatusCode.OK, newFormat.StatusCode);
        Assert.NotNull(newFormat.ETag());
        Assert.NotEqual(etag, newFormat.ETag());
        Assert.Equal(1, Routes(app).Answered);
    }

    [Fact]
    public async Task WhatItRemembersIsBoundedInCountAndUrlLength()
    {
        await using var app = await TestApp.StartAsync(o => o.ShortcutRoutes = 2);
        for (var id = 1; id <= 2; id++)
        {
            app.Widgets[id + 10] = "w" + id;
        }

        foreach (var url in new[] { "/widgets/1", "/widgets/2", "/widgets/11", "/widgets/12", "/widgets?" + new string('x', ShortcutRoutes.MaxKeyLength) })
        {
            var etag = (await app.GetAsync(url)).ETag()!;
            await app.GetAsync(url, r => r.IfNoneMatch(etag));
            Assert.InRange(Routes(app).Count, 1, 2);
        }

        var longUrl = "/widgets?" + new string('x', ShortcutRoutes.MaxKeyLength);
        Assert.False(Routes(app).TryGet("GET " + longUrl, out _));
    }

    private static ShortcutRoutes Routes(TestApp app) => app.App.Services.GetRequiredService<ShortcutRoutes>();

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
        => response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
}
