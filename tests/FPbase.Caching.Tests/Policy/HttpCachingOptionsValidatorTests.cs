using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Policy;

public sealed class HttpCachingOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<HttpCachingOptions> change)
    {
        var options = new HttpCachingOptions();
        change(options);
        return new HttpCachingOptionsValidator().Validate(Options.DefaultName, options);
    }

    [Fact]
    public void TheDefaultsAreValid() => Assert.True(Validate(_ => { }).Succeeded);

    public static TheoryData<string, Action<HttpCachingOptions>> UnknownClasses => new()
    {
        { "HttpCaching:DefaultClass", o => o.DefaultClass = "nope" },
        { "HttpCaching:PrivateClass", o => o.PrivateClass = "nope" },
        { "HttpCaching:Endpoints:spectra-list", o => o.Endpoints["spectra-list"] = "nope" },
        { "HttpCaching:DefaultClass", o => o.FreshnessClasses.Remove("public") },
    };

    [Theory]
    [MemberData(nameof(UnknownClasses))]
    public void AFreshnessClassThatIsNotDefinedIsRefusedWithTheSettingsName(string setting, Action<HttpCachingOptions> change)
    {
        var result = Validate(change);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting + " ", StringComparison.Ordinal) && f.Contains("'", StringComparison.Ordinal));
    }

    public static TheoryData<string, Action<HttpCachingOptions>> BadDurations => new()
    {
        { "StoreTimeout", o => o.StoreTimeout = TimeSpan.Zero },
        { "BumpTimeout", o => o.BumpTimeout = TimeSpan.FromSeconds(-1) },
        { "BreakDuration", o => o.BreakDuration = TimeSpan.Zero },
        { "LeaseDuration", o => o.LeaseDuration = TimeSpan.Zero },
        { "PayloadExpiration", o => o.PayloadExpiration = TimeSpan.FromTicks(-1) },
        { "OutboxPollInterval", o => o.OutboxPollInterval = TimeSpan.Zero },
        { "StoreTimeout", o => o.StoreTimeout = TimeSpan.FromMilliseconds(5) },
        { "BreakDuration", o => o.BreakDuration = TimeSpan.FromMilliseconds(200) },
    };

    [Theory]
    [MemberData(nameof(BadDurations))]
    public void ADurationThatIsNotPositiveOrTooShortIsRefused(string setting, Action<HttpCachingOptions> change)
    {
        var result = Validate(change);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith($"HttpCaching:{setting} must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 256L * 1024 * 1024)]
    [InlineData(32 * 1024 * 1024, 64L * 1024 * 1024)]
    public void APayloadLimitAboveAQuarterOfTheMemoryBudgetIsRefused(int maximumPayloadBytes, long payloadMemoryBytes)
    {
        var result = Validate(o => (o.MaximumPayloadBytes, o.PayloadMemoryBytes) = (maximumPayloadBytes, payloadMemoryBytes));
        Assert.Contains(result.Failures!, f => f.StartsWith("HttpCaching:MaximumPayloadBytes must be", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyKeyPrefixIsRefused() => Assert.True(Validate(o => o.KeyPrefix = " ").Failed);

    [Fact]
    public async Task TheRedisStoreCanBeBuiltWithTheShortestAcceptedDurations()
    {
        var options = new HttpCachingOptions { StoreTimeout = TimeSpan.FromMilliseconds(10), BreakDuration = TimeSpan.FromMilliseconds(500) };
        Assert.True(new HttpCachingOptionsValidator().Validate(null, options).Succeeded);

        // Not connected: constructing the store only builds its pipeline.
        await using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=100");
        using var metrics = new RecordingMetrics();
        using var store = new RedisResourceVersionStore(redis, Options.Create(options), metrics.Metrics, NullLogger<RedisResourceVersionStore>.Instance);
        Assert.False(store.Local.IsTrusted);
    }

    [Fact]
    public async Task AnApplicationWithAnInvalidPolicyFailsAtStartNamingTheSetting()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["HttpCaching:Endpoints:widgets"] = "no-such-class";
        builder.Services.AddHttpCaching();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("HttpCaching:Endpoints:widgets", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-store", true, "Endpoint 'mine' sets FreshnessClass 'no-store' and VaryByUser: a per-user response always uses HttpCaching:PrivateClass")]
    [InlineData("no-such-class", false, "Endpoint 'mine' names freshness class 'no-such-class', which HttpCaching:FreshnessClasses does not define")]
    public async Task AnEndpointContradictingThePolicyIsRefusedAtStart(string freshnessClass, bool varyByUser, string failure)
    {
        await using var app = AppWith(new CacheResourcesAttribute("widgets") { Name = "mine", FreshnessClass = freshnessClass, VaryByUser = varyByUser });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(failure, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointNamingAClassThePolicyDefinesStarts()
    {
        await using var app = AppWith(new CacheResourcesAttribute("widgets") { Name = "mine", FreshnessClass = "no-store" });
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public void SettingsThatChooseAnEndpointsClassAreRefusedAsNoLongerRead()
    {
        var result = Validate(o => o.Endpoints["spectra-list"] = "public");
        Assert.Contains(result.Failures!, f => f.StartsWith("HttpCaching:Endpoints:spectra-list ", StringComparison.Ordinal) && f.Contains("no longer read", StringComparison.Ordinal));
    }

    /// <summary>An application whose one endpoint, mapped after UseHttpCaching, declares <paramref name="metadata"/>.</summary>
    private static WebApplication AppWith(CacheResourcesAttribute metadata)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddHttpCaching();
        var app = builder.Build();
        app.UseHttpCaching();
        app.MapGet("/mine", () => "mine").CacheResources(metadata);
        return app;
    }

    public static TheoryData<string, Action<HttpCachingOptions>> BadEdges => new()
    {
        { "HttpCaching:Edge:Nodes:0", o => o.Edge.Nodes.Add("varnish:6081") },
        { "HttpCaching:Edge:Nodes:0", o => o.Edge.Nodes.Add("ftp://varnish/") },
        { "HttpCaching:Edge:Nodes:0", o => o.Edge.Nodes.Add("http://varnish:6081/purge") },
        { "HttpCaching:Edge:TimeToLive", o => o.Edge.TimeToLive = TimeSpan.Zero },
        { "HttpCaching:Edge:TimeToLive", o => o.Edge.TimeToLive = TimeSpan.FromDays(31) },
        { "HttpCaching:Edge:PurgeTimeout", o => o.Edge.PurgeTimeout = TimeSpan.FromMilliseconds(10) },
    };

    [Theory]
    [MemberData(nameof(BadEdges))]
    public void AnEdgeNodeThatIsNoBaseAddressOrALifetimeOutOfRangeIsRefusedWithTheSettingsName(string setting, Action<HttpCachingOptions> change)
    {
        var result = Validate(change);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(setting + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEdgeNodeWithAPortIsValid() => Assert.True(Validate(o => o.Edge.Nodes.Add("http://varnish:6081")).Succeeded);
}
