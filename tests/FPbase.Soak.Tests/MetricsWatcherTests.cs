namespace FPbase.Soak.Tests;

/// <summary>Reading a Prometheus scrape the way the checker decides whether an instrument moved.</summary>
public sealed class MetricsWatcherTests
{
    private const string Scrape = """
        # TYPE fpbase_cache_responses_total counter
        fpbase_cache_responses_total{endpoint="protein-page",outcome="not_modified",otel_scope_name="FPbase.Caching"} 12 1733300000000
        fpbase_cache_responses_total{endpoint="protein-api",outcome="not_modified",otel_scope_name="FPbase.Caching"} 3 1733300000000
        fpbase_cache_responses_total{endpoint="protein-api",outcome="build",otel_scope_name="FPbase.Caching"} 5 1733300000000
        # TYPE fpbase_cache_store_circuit gauge
        fpbase_cache_store_circuit 1
        fpbase_cache_build_duration_seconds_bucket{endpoint="protein-api",le="0.005"} 4
        fpbase_cache_build_duration_seconds_count{endpoint="protein-api"} 5
        fpbase_cache_payload_bytes_total{coding="br"} 1.5e3

        """;

    private static readonly WatchedMetric NotModified = new("fpbase_cache_responses_total", "outcome=\"not_modified\"");
    private static readonly WatchedMetric Build = new("fpbase_cache_responses_total", "outcome=\"build\"");
    private static readonly WatchedMetric Circuit = new("fpbase_cache_store_circuit", Gauge: true);
    private static readonly WatchedMetric Builds = new("fpbase_cache_build_duration_seconds_count");
    private static readonly WatchedMetric Bytes = new("fpbase_cache_payload_bytes_total");
    private static readonly WatchedMetric Purges = new("fpbase_cache_edge_purges_total");

    [Fact]
    public void EverySeriesOfAMetricIsSummedWithinItsLabelFilterAndTimestampsAreNotValues()
    {
        var totals = MetricsWatcher.Parse(Scrape, [NotModified, Build, Circuit, Builds, Bytes, Purges]);
        Assert.Equal(15, totals[NotModified]);
        Assert.Equal(5, totals[Build]);
        Assert.Equal(1, totals[Circuit]);
        Assert.Equal(5, totals[Builds]);
        Assert.Equal(1500, totals[Bytes]);
        Assert.False(totals.ContainsKey(Purges));
    }

    [Fact]
    public void EveryInstrumentTheIssueNamesIsWatchedPurgesWithTheEdgeAndTheInstances304sWithout()
    {
        var plain = WatchedMetric.All(edge: false);
        var edge = WatchedMetric.All(edge: true);
        Assert.DoesNotContain(plain, m => m.Name == "fpbase_cache_edge_purges_total");
        Assert.Contains(edge, m => m.Name == "fpbase_cache_edge_purges_total");
        Assert.Contains(plain, m => m == NotModified);
        Assert.DoesNotContain(edge, m => m == NotModified);
        foreach (var name in new[] { "fpbase_cache_bumps_total", "fpbase_cache_bump_wait_seconds_count", "fpbase_cache_store_errors_total", "fpbase_cache_outbox_unconfirmed", "http_server_request_duration_seconds_count" })
        {
            Assert.Contains(plain, m => m.Name == name);
        }
    }
}
