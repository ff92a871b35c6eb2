using System.Diagnostics.Metrics;
using System.Net;
using FPbase.Caching.Diagnostics;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Operations;

/// <summary>
/// An operator's Prometheus scrapes /metrics with a staff user's API token and sees what the cache did: answers by
/// outcome, payload bytes against uncompressed, builds and bumps. Nobody else may read it, and nothing stores it.
/// </summary>
public sealed class MetricsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnonymousAndEditorsCannotReadTheMetrics()
    {
        // A scraper without credentials is told so (401, Bearer), not sent to the login form.
        var anonymous = await site.App.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());

        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task AStaffScrapeIsPrometheusTextThatNothingStores()
    {
        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        await site.App.CreateClient().GetAsync("/api/proteins/egfp/");

        var scrape = await staff.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.True(scrape.Headers.CacheControl is { Private: true, NoStore: true }, scrape.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(scrape.Headers, h => h.Key == "Set-Cookie");
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the cache did, as its instruments count it. Read from this site's own meters (their scope is its
    /// IMeterFactory). The test run holds many sites in one process, and there the scrape showed no fpbase_cache_*
    /// series at all (most likely OpenTelemetry's exporter merging same-named instruments of all sites and retiring
    /// them when another site stops); with one site per process, as in production, it showed these counts (this
    /// class alone).
    /// </summary>
    [Fact]
    public async Task TheCacheCountsThe304sPayloadsAndBuildsItsReadersCause()
    {
        var factory = site.App.Services.GetRequiredService<IMeterFactory>();
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        long identityBytes = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "fpbase.cache.payload.identity_bytes")
            {
                Interlocked.Add(ref identityBytes, value);
            }

            if (instrument.Name == "fpbase.cache.responses")
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome")
                    {
                        outcomes.AddOrUpdate((string)tag.Value!, value, (_, v) => v + value);
                    }
                }
            }
        });
        listener.Start();

        var reader = site.App.CreateClient();
        var first = await reader.GetAsync("/api/proteins/egfp/");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await reader.GetAsync("/api/proteins/egfp/");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/proteins/egfp/");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(revalidate)).StatusCode);

        Assert.True(outcomes.GetValueOrDefault("not_modified") >= 1, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("payload") + outcomes.GetValueOrDefault("build") >= 2, string.Join(", ", outcomes));
        Assert.True(Interlocked.Read(ref identityBytes) > 0);
    }

    [Fact]
    public async Task TheGaugesShowThePayloadsHeldAgainstTheirBudgetAndNoBumpWaitingInTheOutbox()
    {
        var factory = site.App.Services.GetRequiredService<IMeterFactory>();
        var gauges = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => gauges[instrument.Name] = value);
        listener.Start();

        Assert.Equal(HttpStatusCode.OK, (await site.App.CreateClient().GetAsync($"/api/spectra-list/?n={Guid.NewGuid():N}")).StatusCode);
        listener.RecordObservableInstruments();

        // The default 256 MiB budget, less the 16 MiB it leaves to the builds' pool of free blocks.
        Assert.Equal(240L * 1024 * 1024, gauges.GetValueOrDefault("fpbase.cache.memory.limit"));
        Assert.InRange(gauges.GetValueOrDefault("fpbase.cache.memory.size"), 1, 240L * 1024 * 1024);
        Assert.True(gauges.TryGetValue("fpbase.cache.outbox.unconfirmed", out var unconfirmed) && unconfirmed == 0, $"outbox gauge: {unconfirmed}");
    }
}
