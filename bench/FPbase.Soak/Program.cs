using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FPbase.Soak;

// The history checker (issue 8, "Never wrong, proven"). bench/soak/run starts the site and calls this.
// Exit codes: 0 no violation; 1 a violation (stale 200, false 304, read 5xx, phantom or unparsable value) or a
// fault that could not be injected; 2 bad arguments or setup failure.
SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine("soak: " + ex.Message);
    Console.Error.WriteLine("usage: FPbase.Soak --instance URL [--instance URL...] [--seconds N] [--proteins N] [--writers N] [--readers N] [--fault-cmd PATH] [--faults a,b] [--fault-log FILE] [--report FILE] [--metrics URL --grant-staff-cmd PATH] [--edge]");
    return 2;
}

string token;
List<WatchedProtein> watched;
MetricsWatcher? metrics = null;
try
{
    await Setup.WaitHealthyAsync(options.Instances, TimeSpan.FromSeconds(120));
    (var editor, token) = await Setup.CreateEditorTokenAsync(options.Instances[0]);
    watched = await Setup.PickProteinsAsync(options.Instances[0], options.Proteins);
    if (options.MetricsTargets.Count > 0)
    {
        // The editor becomes staff too (grant-staff, as an operator would), so that its token can scrape /metrics.
        await MetricsWatcher.GrantStaffAsync(options.GrantStaffCommand!, editor);
        metrics = new MetricsWatcher(options.MetricsTargets, token, WatchedMetric.All(options.Edge));
        Console.WriteLine($"soak: {editor} is staff; scraping /metrics of {string.Join(", ", options.MetricsTargets)} every second");
    }
}
catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException)
{
    Console.Error.WriteLine("soak: setup failed: " + ex.Message);
    return 2;
}

Console.WriteLine($"soak: {options.Seconds:0} s, {options.Instances.Count} instances, {options.Writers} writers on {watched.Count} proteins, {options.Readers} readers, faults {(options.FaultCommand is null ? "off" : options.FaultFilter is null ? "all" : string.Join(",", options.FaultFilter))}");

var stats = new Stats();
using var http = HttpClients.Create(options.RequestTimeoutMs + 1000);
var requestIds = 0L;
var writers = Enumerable.Range(0, options.Writers)
    .Select(i => new Writer(i, watched.Where((_, j) => j % options.Writers == i).ToList(), options, token, stats, http)).ToList();
var readers = Enumerable.Range(0, options.Readers)
    .Select(i => new Reader(i, watched, options, stats, http, () => Interlocked.Increment(ref requestIds))).ToList();
var faults = new FaultScheduler(options, stats);

var start = Clock.Now;
// The instances' logs are stamped in UTC (bench/soak/lib.sh): a failure reported at t= is found there at this plus t.
var startedUtc = DateTime.UtcNow;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: t=0 is {startedUtc:HH:mm:ss.fff} UTC"));
var deadline = new RunDeadline(start, start + Clock.FromMs(options.Seconds * 1000), start + Clock.FromMs(options.Seconds * 2000));
// Every loop stops by itself at the deadline (which the faults may move later, at most to twice the run); requests
// still in flight then are cut at the latest deadline plus one timeout.
using var hardStop = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.Seconds * 2000 + options.RequestTimeoutMs + 5000));
var tasks = new List<Task>();
tasks.AddRange(writers.Select(w => Task.Run(() => w.RunAsync(deadline, hardStop.Token))));
tasks.AddRange(readers.Select(r => Task.Run(() => r.RunAsync(deadline, hardStop.Token))));
var faultTask = Task.Run(() => faults.RunAsync(deadline, hardStop.Token));
tasks.Add(faultTask);
if (metrics is not null)
{
    tasks.Add(Task.Run(() => metrics.RunAsync(deadline, hardStop.Token)));
}
await Task.WhenAll(tasks);
var elapsed = Clock.ToMs(Clock.Now - start) / 1000;

// The check, over the complete history.
var history = writers.SelectMany(w => w.History).ToList();
var observations = readers.SelectMany(r => r.Observations).ToList();
var result = HistoryChecker.Check(history, observations);

// 5xx on reads: a 503 with Retry-After for a read in flight while PostgreSQL is down (or for 5 s after it answers
// again) is the documented answer (docs/caching.md, "PostgreSQL down"; ServerError.IsDocumentedOutageAnswer); every
// other 5xx counts against the run.
var pgWindows = faults.Events.Where(f => f.Name == "postgres-restart").Select(f => (f.StartedAt, End: f.EndedAt + Clock.FromMs(5000))).ToList();
var serverErrors = readers.SelectMany(r => r.ServerErrors).ToList();
bool Excused(ServerError e) => e.IsDocumentedOutageAnswer(pgWindows);
var excused = serverErrors.Count(Excused);
var read5xx = serverErrors.Count - excused;

var latencies = writers.SelectMany(w => w.AckLatenciesMs).Order().ToList();
double Percentile(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];

string FaultAt(long t)
{
    var f = faults.Events.LastOrDefault(e => e.StartedAt <= t);
    if (f is null)
    {
        return "before any fault";
    }

    return t <= f.EndedAt ? $"during {f.Name}" : $"{Clock.ToMs(t - f.EndedAt) / 1000:0.0}s after {f.Name}";
}

// The fault started last before the read, if it was under way or over for less than 15 s ("quiet" otherwise).
string FaultBucket(long t)
{
    var f = faults.Events.LastOrDefault(e => e.StartedAt <= t);
    return f is null ? "before-any-fault" : (t <= f.EndedAt + Clock.FromMs(15_000) ? f.Name : "quiet");
}

// Every fault under way or over for less than 15 s (a Sentinel failover's effects, for one, outlast it by some 10 s,
// so the fault started last is not always the culprit).
string RecentFaults(long t)
{
    var recent = faults.Events.Where(e => e.StartedAt <= t && t <= e.EndedAt + Clock.FromMs(15_000)).Select(e => e.Name).Distinct().ToList();
    return recent.Count > 0 ? string.Join("+", recent) : faults.Events.Any(e => e.StartedAt <= t) ? "quiet" : "before-any-fault";
}

var faultCounts = FaultScheduler.All.ToDictionary(f => f, f => faults.Events.Count(e => e.Name == f && e.ExitCode == 0));
var faultsFailed = faults.Events.Count(e => e.ExitCode != 0);
var expectedFaults = options.FaultCommand is null
    ? []
    : FaultScheduler.All.Where(f => options.FaultFilter is null || options.FaultFilter.Contains(f)).ToList();
var faultsMissing = expectedFaults.Where(f => faultCounts[f] == 0).ToList();

var jsonOptions = new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
var report = new JsonObject
{
    ["seconds"] = Math.Round(elapsed, 1),
    ["instances"] = options.Instances.Count,
    ["requests"] = stats.Requests,
    ["ok200"] = stats.Ok200,
    ["notModified304"] = stats.NotModified304,
    ["edgeHits"] = stats.EdgeHits,
    ["ok200WithoutETag"] = stats.Ok200WithoutETag,
    ["read5xx"] = read5xx,
    ["read503DuringPostgresOutage"] = excused,
    ["read4xx"] = stats.Read4xx,
    ["readTransportErrors"] = stats.ReadTransportErrors,
    ["readParseErrors"] = stats.ReadParseErrors,
    ["notModifiedWithOtherETag"] = stats.NotModifiedWithOtherETag,
    ["etagReusedForOtherValues"] = stats.ETagReusedForOtherValues,
    ["observations"] = result.Observations,
    ["stale200"] = result.Stale200,
    ["false304"] = result.False304,
    ["phantom"] = result.Phantom,
    ["ambiguous"] = result.Ambiguous,
    ["writesAcknowledged"] = stats.WritesAcknowledged,
    ["writesRefused"] = stats.WritesRefused,
    ["writesTimedOut"] = stats.WritesTimedOut,
    ["writeAckBodyMismatch"] = stats.WriteAckBodyMismatch,
    ["writeP50Ms"] = Math.Round(Percentile(0.50), 1),
    ["writeP99Ms"] = Math.Round(Percentile(0.99), 1),
    ["faults"] = new JsonObject(faultCounts.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
    ["faultsFailed"] = faultsFailed,
    ["violationsBySurface"] = new JsonObject(result.Violations.GroupBy(v => v.Read.Surface + "/" + (v.Read.Kind == ReadKind.Ok ? "200" : "304"))
        .OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Select(v => v.Read.RequestId).Distinct().Count()))),
    ["violationsByFault"] = new JsonObject(result.Violations.GroupBy(v => FaultBucket(v.Read.StartedAt))
        .OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Select(v => v.Read.RequestId).Distinct().Count()))),
    ["violationsByRecentFaults"] = new JsonObject(result.Violations.GroupBy(v => RecentFaults(v.Read.StartedAt))
        .OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Select(v => v.Read.RequestId).Distinct().Count()))),
    ["faultTimeline"] = new JsonArray(faults.Events.Select(e => (JsonNode?)new JsonObject
    {
        ["fault"] = e.Name + (e.Argument is null ? "" : " " + e.Argument),
        ["at"] = Math.Round(Clock.ToMs(e.StartedAt - start) / 1000, 1),
        ["seconds"] = Math.Round(Clock.ToMs(e.EndedAt - e.StartedAt) / 1000, 1),
        ["exit"] = e.ExitCode,
    }).ToArray()),
};

Console.WriteLine();
Console.WriteLine($"History check ({elapsed:0.0} s, {options.Instances.Count} instances, {watched.Count} proteins, {result.Observations} observations)");
Console.WriteLine($"  requests           {stats.Requests,8}   200s {stats.Ok200} (without ETag {stats.Ok200WithoutETag}), 304s {stats.NotModified304}, answered by Varnish {stats.EdgeHits}");
Console.WriteLine($"  read 5xx           {read5xx,8}   (+ {excused} documented 503s while PostgreSQL was down; 4xx {stats.Read4xx}{(stats.Read4xxByStatus.IsEmpty ? "" : " " + string.Join(" ", stats.Read4xxByStatus.Select(kv => kv.Key + "x" + kv.Value)))}, transport errors {stats.ReadTransportErrors}, unparsable {stats.ReadParseErrors})");
Console.WriteLine($"  stale 200s         {result.Stale200,8}");
Console.WriteLine($"  false 304s         {result.False304,8}");
Console.WriteLine($"  phantom values     {result.Phantom,8}   (ambiguous: {result.Ambiguous} reads of a refused write's value, not counted)");
Console.WriteLine($"  ETag reused        {stats.ETagReusedForOtherValues,8}   (one ETag on 200s with different values: reported, not counted, since a payload may hold data newer than its label by design; 304s with another ETag than asked: {stats.NotModifiedWithOtherETag})");
Console.WriteLine($"  writes             {stats.WritesAcknowledged,8} acknowledged, {stats.WritesRefused} refused ({stats.WritesTimedOut} timed out); p50 {Percentile(0.5):0.0} ms, p99 {Percentile(0.99):0.0} ms");
Console.WriteLine($"  faults             {string.Join(", ", faultCounts.Where(kv => expectedFaults.Contains(kv.Key)).Select(kv => $"{kv.Key} {kv.Value}"))}{(faultsFailed > 0 ? $"; FAILED {faultsFailed}" : "")}");
if (result.Violations.Count > 0)
{
    Console.WriteLine("  violations by surface: " + report["violationsBySurface"]!.ToJsonString(jsonOptions));
    Console.WriteLine("  violations by the fault started last (under way or over for < 15 s): " + report["violationsByFault"]!.ToJsonString(jsonOptions));
    Console.WriteLine("  violations by every fault under way or over for < 15 s: " + report["violationsByRecentFaults"]!.ToJsonString(jsonOptions));
    // When they happened (seconds into the run: violating requests), to see how long each fault's damage lasted.
    var perSecond = result.Violations.DistinctBy(v => v.Read.RequestId).GroupBy(v => (int)(Clock.ToMs(v.Read.StartedAt - start) / 1000))
        .OrderBy(g => g.Key).Select(g => $"{g.Key}s:{g.Count()}");
    Console.WriteLine("  violating requests per second of the run: " + string.Join(" ", perSecond));
    Console.WriteLine("  first violations:");
    foreach (var v in result.Violations.DistinctBy(v => v.Read.RequestId).Take(12))
    {
        var r = v.Read;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    t={Clock.ToMs(r.StartedAt - start) / 1000:0.000}s {(r.Kind == ReadKind.Ok ? "stale 200" : "false 304")} {r.Surface} {r.Instance} {r.Coding} {r.Protein}: saw {r.Counter}, needed >= {v.Required} (acked {v.LagMs:0.0} ms before the read; {FaultAt(r.StartedAt)})"));
    }
}

// Every 5xx that counts, with what was going on, so a failed run in CI says what it was.
foreach (var e in serverErrors.Where(e => !Excused(e)).OrderBy(e => e.StartedAt).Take(12))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  read {e.Status}: t={Clock.ToMs(e.StartedAt - start) / 1000:0.000}s ({startedUtc.AddMilliseconds(Clock.ToMs(e.StartedAt - start)):HH:mm:ss.fff} UTC) {e.Instance}{e.Path} ({e.Coding}){(e.RetryAfter ? " Retry-After" : "")}; {RecentFaults(e.StartedAt)}; {FaultAt(e.StartedAt)}; body: {e.Body.ReplaceLineEndings(" ")}"));
}

foreach (var s in stats.Samples.Take(10))
{
    Console.WriteLine("  note: " + s);
}

// Issue 14: every instrument an operator watches moved during the run (faults make the error ones move).
var metricsReport = metrics?.Report() ?? [];
var metricsStill = metricsReport.Where(m => !m.Moved).ToList();
if (metrics is not null)
{
    Console.WriteLine($"  metrics            {metricsReport.Count - metricsStill.Count} of {metricsReport.Count} moved ({metrics.Scrapes} scrapes)");
    foreach (var (metric, moved, detail) in metricsReport)
    {
        Console.WriteLine($"    {(moved ? "moved" : "STILL"),-6} {metric.Display} {detail}");
    }

    report["metricsMoved"] = metricsReport.Count - metricsStill.Count;
    report["metricsStill"] = new JsonArray(metricsStill.Select(m => (JsonNode?)m.Metric.Display).ToArray());
}

var failed = result.Stale200 + result.False304 + read5xx + result.Phantom + (int)stats.ReadParseErrors + metricsStill.Count;
if (faultsFailed > 0 || faultsMissing.Count > 0)
{
    Console.WriteLine($"  FAULTS NOT INJECTED: {string.Join(", ", faultsMissing.Concat(faults.Events.Where(e => e.ExitCode != 0).Select(e => e.Name + " (failed)")))}");
}

if (stats.WritesAcknowledged == 0 || stats.Ok200 == 0)
{
    Console.WriteLine("  NOTHING CHECKED: no acknowledged write or no 200 read");
}

var ok = failed == 0 && faultsFailed == 0 && faultsMissing.Count == 0 && stats.WritesAcknowledged > 0 && stats.Ok200 > 0;
report["passed"] = ok;
Console.WriteLine(ok ? "  PASSED: every read was at least as new as every write acknowledged before it started" : "  FAILED");
var line = report.ToJsonString(jsonOptions);
if (options.ReportPath is { } reportPath)
{
    await File.WriteAllTextAsync(reportPath, line + "\n");
}

Console.WriteLine("soak-result " + line);
return ok ? 0 : 1;
