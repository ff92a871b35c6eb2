using System.Net;
using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>Stampedes, runtime switches and a failing version store.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task FiftyConcurrentRequestsAfterABumpRunTheEndpointOnce()
    {
        await using var app = await TestApp.StartAsync();
        app.Gate.SetResult();
        var oldTag = (await app.GetAsync("/slow")).ETag();
        Assert.Equal(1, app.Invocations("slow"));

        // Hold the rebuild until all fifty requests have reached the caching middleware.
        app.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await app.BumpAsync("slow");
        var requests = Enumerable.Range(0, 50).Select(_ => app.GetAsync("/slow")).ToArray();
        await Poll.UntilAsync(() => app.SlowArrivals == 51 && app.Invocations("slow") == 2, "fifty requests to arrive while the payload builds");
        app.Gate.SetResult();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var tags = responses.Select(r => r.ETag()).Distinct().ToArray();
        Assert.Single(tags);
        Assert.NotEqual(oldTag, tags[0]);
        Assert.Single(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())).ContinueWith(t => t.Result.Distinct().ToArray()));
        Assert.Equal(2, app.Invocations("slow"));
    }

    [Fact]
    public async Task SwitchingETagsOffAtRuntimeStopsTagsAnd304sAndSwitchingBackRestoresThem()
    {
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets")).ETag()!;

        app.Reconfigure("Resources:widgets:ETags", "false");
        Assert.False(app.CurrentOptions.Resources["widgets"].ETags);

        var off = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Null(off.Headers.ETag);
        Assert.NotEmpty(await off.Content.ReadAsByteArrayAsync());
        var star = await app.GetAsync("/widgets", r => r.IfNoneMatch("*"));
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);

        // Other resources are not affected.
        Assert.NotNull((await app.GetAsync("/widgets/1")).Headers.ETag);

        app.Reconfigure("Resources:widgets:ETags", "true");
        var on = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
        Assert.Equal(HttpStatusCode.NotModified, on.StatusCode);
        Assert.Equal(etag, on.ETag());
    }

    [Fact]
    public async Task SwitchingPayloadsOffAtRuntimeRunsTheEndpointEveryTimeButKeepsValidators()
    {
        await using var app = await TestApp.StartAsync();
        await app.GetAsync("/widgets");
        await app.GetAsync("/widgets");
        Assert.Equal(1, app.Invocations("widgets"));

        app.Reconfigure("Resources:widgets:Payloads", "false");
        var first = await app.GetAsync("/widgets", r => r.Headers.AcceptEncoding.ParseAdd("br"));
        var second = await app.GetAsync("/widgets");
        Assert.Equal(3, app.Invocations("widgets"));
        Assert.Null(first.ContentEncoding());
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.ETag(), second.ETag());

        Assert.Equal(HttpStatusCode.NotModified, (await app.GetAsync("/widgets", r => r.IfNoneMatch(first.ETag()!))).StatusCode);
        Assert.Equal(3, app.Invocations("widgets"));
    }

    [Fact]
    public async Task WithETagsSwitchedOffAConditionalWriteIs412AndDoesNotRun()
    {
        // No current entity tag, so no listed tag can match (RFC 9110 §13.1.1): the write must not run.
        await using var app = await TestApp.StartAsync();
        var etag = (await app.GetAsync("/widgets")).ETag()!;
        app.Reconfigure("Resources:widgets:ETags", "false");
        app.Reconfigure("Resources:widgets:Payloads", "false");

        var refused = await app.SendAsync(HttpMethod.Post, "/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, app.Invocations("widgets-post"));

        // `*` asks only that a current representation exist; without a precondition the write runs as before.
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Post, "/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", "*"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Post, "/widgets")).StatusCode);
        Assert.Equal(2, app.Invocations("widgets-post"));
    }

    [Fact]
    public async Task WhileTheVersionStoreFailsAConditionalWriteIs503WithRetryAfterAndDoesNotRun()
    {
        await using var redis = await PrivateRedis.StartAsync();
        await using var multiplexer = await redis.ConnectAsync();
        await using var app = await TestApp.StartAsync(
            options =>
            {
                options.StoreTimeout = TimeSpan.FromMilliseconds(250);
                options.BreakDuration = TimeSpan.FromMilliseconds(500);
                options.LeaseDuration = TimeSpan.FromMilliseconds(800);
            },
            services => services.AddHttpCachingRedis(multiplexer));
        var store = app.App.Services.GetRequiredService<RedisResourceVersionStore>();
        var stale = (await Poll.UntilAsync(() => app.GetAsync("/widgets"), r => r.Headers.ETag is not null, "a first response with an ETag")).ETag()!;
        app.Widgets[3] = "three";
        await app.BumpAsync("widgets");
        var current = (await app.GetAsync("/widgets")).ETag()!;
        Assert.NotEqual(stale, current);

        await redis.StopAsync();
        await Poll.UntilAsync(() => !store.Local.IsTrusted, "the lost connection to drop the local version copy");

        foreach (var etag in new[] { stale, current })
        {
            var refused = await app.SendAsync(HttpMethod.Post, "/widgets", r => r.Headers.TryAddWithoutValidation("If-Match", etag));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-cache", refused.CacheControl());
        }

        Assert.Equal(0, app.Invocations("widgets-post"));

        // Writes without a precondition still run.
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Post, "/widgets")).StatusCode);
        Assert.Equal(1, app.Invocations("widgets-post"));
    }

    [Fact]
    public async Task WhileTheVersionStoreFailsResponsesAreFreshWithoutValidatorsAndNever304()
    {
        await using var redis = await PrivateRedis.StartAsync();
        await using var multiplexer = await redis.ConnectAsync();
        await using var app = await TestApp.StartAsync(
            options =>
            {
                options.StoreTimeout = TimeSpan.FromMilliseconds(250);
                options.BreakDuration = TimeSpan.FromMilliseconds(500);
                options.LeaseDuration = TimeSpan.FromMilliseconds(800);
            },
            services => services.AddHttpCachingRedis(multiplexer));
        var store = app.App.Services.GetRequiredService<RedisResourceVersionStore>();

        var ok = await Poll.UntilAsync(() => app.GetAsync("/widgets"), r => r.Headers.ETag is not null, "a first response with an ETag");
        var etag = ok.ETag()!;
        Assert.Equal(HttpStatusCode.NotModified, (await app.GetAsync("/widgets", r => r.IfNoneMatch(etag))).StatusCode);
        var built = app.Invocations("widgets");

        await redis.StopAsync();
        await Poll.UntilAsync(() => !store.Local.IsTrusted, "the lost connection to drop the local version copy");

        for (var i = 0; i < 6; i++)
        {
            var response = await app.GetAsync("/widgets", r => r.IfNoneMatch(etag));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.ETag);
            Assert.Equal("no-cache", response.CacheControl());
            Assert.Contains("one", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Served fresh: the endpoint ran for every one of them.
        Assert.Equal(built + 6, app.Invocations("widgets"));

        // With Redis back, validators come back (new ones: Redis restarted empty).
        await redis.RestartAsync();
        var back = await Poll.UntilAsync(() => app.GetAsync("/widgets"), r => r.Headers.ETag is not null, "ETags after Redis is back", TimeSpan.FromSeconds(20));
        Assert.NotEqual(etag, back.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await app.GetAsync("/widgets", r => r.IfNoneMatch(back.ETag()!))).StatusCode);
    }
}
