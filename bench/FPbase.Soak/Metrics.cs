using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace FPbase.Soak;

/// <summary>
/// One series the run must see move: a metric (Prometheus name) with optional label filter, summed over its series
/// per instance. A counter moves when its total rose during the run; a gauge when any instance showed two values.
/// </summary>
public sealed record WatchedMetric(string Name, string? Label = null, bool Gauge = false)
{
    public string Display => Label is null ? Name : $"{Name}{{{Label}}}";

    /// <summary>
    /// The instruments issue 14 names, as /metrics exposes them. With Varnish in front, the edge's purges move and the
    /// instances' 304s do not: Varnish answers every revalidation (a miss reaches an instance without If-None-Match),
    /// which the checker counts itself (answered by Varnish).
    /// </summary>
    public static List<WatchedMetric> All(bool edge)
    {
        List<WatchedMetric> all =
        [
            new("fpbase_cache_responses_total", "outcome=\"payload\""),
            new("fpbase_cache_responses_total", "outcome=\"build\""),
            new("fpbase_cache_responses_total", "outcome=\"bypass\""),
            new("fpbase_cache_payload_bytes_total"),
            new("fpbase_cache_payload_identity_bytes_total"),
            new("fpbase_cache_build_duration_seconds_count"),
            new("fpbase_cache_bumps_total"),
            new("fpbase_cache_bump_wait_seconds_count"),
            new("fpbase_cache_store_errors_total"),
            new("fpbase_cache_store_circuit", Gauge: true),
            new("fpbase_cache_outbox_unconfirmed", Gauge: true),
            new("http_server_request_duration_seconds_count"),
            new("microsoft_entityframeworkcore_queries_total"),
            new("microsoft_entityframeworkcore_savechanges_total"),
        ];
        all.Add(edge ? new("fpbase_cache_edge_purges_total", "outcome=\"done\"") : new("fpbase_cache_responses_total", "outcome=\"not_modified\""));

        return all;
    }
}

/// <summary>
/// Scrapes every instance's /metrics once a second during the run (a staff token: docs/deployment.md) and keeps, per
/// watched series and instance, the first and last value and the smallest and largest: enough to say whether each
/// moved. A scrape that fails (an instance being killed) is skipped.
/// </summary>
public sealed class MetricsWatcher(IReadOnlyList<Uri> targets, string token, IReadOnlyList<WatchedMetric> watched)
{
    private readonly Dictionary<(WatchedMetric, Uri), (double First, double Last, double Min, double Max)> _seen = [];

    public int Scrapes { get; private set; }

    public async Task RunAsync(RunDeadline deadline, CancellationToken hardStop)
    {
        using var http = HttpClients.Create(5000);
        while (Clock.Now < deadline.At && !hardStop.IsCancellationRequested)
        {
            foreach (var target in targets)
            {
                await ScrapeAsync(http, target, hardStop);
            }

            try
            {
                await Task.Delay(1000, hardStop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        // One more after the last write: the end of every counter.
        foreach (var target in targets)
        {
            await ScrapeAsync(http, target, CancellationToken.None);
        }
    }

    /// <summary>A line per watched series: moved or not, with its total rise (counters) or range (gauges).</summary>
    public List<(WatchedMetric Metric, bool Moved, string Detail)> Report()
    {
        var report = new List<(WatchedMetric, bool, string)>();
        foreach (var metric in watched)
        {
            var values = _seen.Where(kv => kv.Key.Item1 == metric).Select(kv => kv.Value).ToList();
            if (values.Count == 0)
            {
                report.Add((metric, false, "absent from every scrape"));
            }
            else if (metric.Gauge)
            {
                var (min, max) = (values.Min(v => v.Min), values.Max(v => v.Max));
                report.Add((metric, values.Any(v => v.Max > v.Min), string.Create(CultureInfo.InvariantCulture, $"between {min:0.###} and {max:0.###}")));
            }
            else
            {
                var rise = values.Sum(v => v.Last - v.First);
                report.Add((metric, rise > 0, string.Create(CultureInfo.InvariantCulture, $"+{rise:0.###}")));
            }
        }

        return report;
    }

    private async Task ScrapeAsync(HttpClient http, Uri target, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target, "/metrics"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            var totals = Parse(await response.Content.ReadAsStringAsync(cancellationToken), watched);
            Scrapes++;
            foreach (var (metric, value) in totals)
            {
                var key = (metric, target);
                _seen[key] = _seen.TryGetValue(key, out var s)
                    ? (s.First, value, Math.Min(s.Min, value), Math.Max(s.Max, value))
                    : (value, value, value, value);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
        }
    }

    /// <summary>The sum of every series of each watched metric in a Prometheus text exposition (metrics absent: not in the result).</summary>
    public static Dictionary<WatchedMetric, double> Parse(string text, IReadOnlyList<WatchedMetric> watched)
    {
        var totals = new Dictionary<WatchedMetric, double>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            // The value is the last field but one when a timestamp follows it; OpenTelemetry's exporter writes one.
            var fields = line[(line.LastIndexOf('}') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = brace >= 0 ? line[..brace] : fields[0];
            var labels = brace >= 0 ? line[(brace + 1)..line.LastIndexOf('}')] : "";
            var valueText = brace >= 0 ? fields.ElementAtOrDefault(0) : fields.ElementAtOrDefault(1);
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            foreach (var metric in watched)
            {
                if (metric.Name == name && (metric.Label is null || labels.Contains(metric.Label, StringComparison.Ordinal)))
                {
                    totals[metric] = totals.GetValueOrDefault(metric) + value;
                }
            }
        }

        return totals;
    }

    /// <summary>Runs the grant-staff command for <paramref name="user"/>; throws with its output when it fails.</summary>
    public static async Task GrantStaffAsync(string command, string user)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(user);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {user} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
