using System.Diagnostics.Metrics;
using FPbase.Caching.Diagnostics;
using FPbase.Web.Features.Staff.CacheDashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FPbase.Web.Tests.Operations;

/// <summary>
/// The dashboard's memory of the last hour is bounded as documented (360 intervals, the 10 slowest builds) and reads
/// only its own application's meter, not another of the same name in the process.
/// </summary>
public sealed class CacheActivityRecorderTests
{
    [Fact]
    public async Task ItKeepsTheLastHourAndTheTenSlowestBuildsOfItsOwnMeterAndNoMore()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        using var recorder = new CacheActivityRecorder(meters, time);
        await recorder.StartAsync(CancellationToken.None);
        var meter = meters.Create(CacheMetrics.MeterName);
        var responses = meter.CreateCounter<long>("fpbase.cache.responses");
        var builds = meter.CreateHistogram<double>("fpbase.cache.build.duration");
        using var foreignMeter = new Meter(CacheMetrics.MeterName);
        var foreign = foreignMeter.CreateCounter<long>("fpbase.cache.responses");

        for (var i = 0; i < CacheActivityRecorder.Intervals + 40; i++)
        {
            responses.Add(2, new KeyValuePair<string, object?>("outcome", CacheMetrics.Outcomes.NotModified));
            responses.Add(1, new KeyValuePair<string, object?>("outcome", CacheMetrics.Outcomes.Build));
            foreign.Add(100, new KeyValuePair<string, object?>("outcome", CacheMetrics.Outcomes.Build));
            builds.Record(i / 1000.0, new KeyValuePair<string, object?>("endpoint", $"endpoint-{i}"));
            time.Advance(CacheActivityRecorder.Interval);
        }

        var snapshot = recorder.Snapshot();
        Assert.Equal(CacheActivityRecorder.Intervals, snapshot.Intervals.Count);
        Assert.All(snapshot.Intervals.SkipLast(1), i => Assert.Equal((2L, 1L, 3L), (i.Count(CacheMetrics.Outcomes.NotModified), i.Count(CacheMetrics.Outcomes.Build), i.Total)));
        Assert.Equal(0, snapshot.Intervals[^1].Total);
        Assert.Equal(CacheActivityRecorder.SlowestKept, snapshot.SlowestBuilds.Count);
        Assert.Equal($"endpoint-{CacheActivityRecorder.Intervals + 39}", snapshot.SlowestBuilds[0].Endpoint);
        Assert.True(snapshot.SlowestBuilds.Zip(snapshot.SlowestBuilds.Skip(1)).All(p => p.First.Duration >= p.Second.Duration));
    }

    [Fact]
    public async Task ItCountsTheEdgePurgesByOutcome()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var recorder = new CacheActivityRecorder(meters, TimeProvider.System);
        await recorder.StartAsync(CancellationToken.None);
        var purges = meters.Create(CacheMetrics.MeterName).CreateCounter<long>("fpbase.cache.edge.purges");

        purges.Add(1, new KeyValuePair<string, object?>("outcome", "done"));
        purges.Add(1, new KeyValuePair<string, object?>("outcome", "retried"));
        purges.Add(1, new KeyValuePair<string, object?>("outcome", "done"));

        var snapshot = recorder.Snapshot();
        Assert.Equal(2, snapshot.EdgePurges["done"]);
        Assert.Equal(1, snapshot.EdgePurges["retried"]);
    }
}
