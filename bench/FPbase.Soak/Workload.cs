using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FPbase.Soak;

/// <summary>Counters shared by every task (Interlocked).</summary>
public sealed class Stats
{
    public long Requests, Ok200, NotModified304, Ok200WithoutETag, Read5xx, Read4xx, ReadTransportErrors, ReadParseErrors;
    public long NotModifiedWithOtherETag, ETagReusedForOtherValues;

    /// <summary>Reads answered by a Varnish node from its cache (<c>X-Cache: hit</c>; bench/soak/run --edge).</summary>
    public long EdgeHits;

    /// <summary>Every (path, coding, ETag) seen on a 200, with the values it carried: a strong ETag must never label other data.</summary>
    public readonly ConcurrentDictionary<(string Path, string Coding, string ETag), string> ValuesByETag = new();
    public long WritesAcknowledged, WritesRefused, WritesTimedOut, WriteAckBodyMismatch;
    public readonly ConcurrentDictionary<string, long> Read4xxByStatus = new();
    public readonly ConcurrentQueue<string> Samples = new();

    public void Sample(string s)
    {
        if (Samples.Count < 40)
        {
            Samples.Enqueue(s);
        }
    }
}

/// <summary>
/// A read answered 5xx, kept with when it was sent and answered, to tell a documented 503 during a PostgreSQL
/// outage from the rest.
/// </summary>
public sealed record ServerError(long StartedAt, long EndedAt, int Status, string Surface, string Instance, string Path, string Coding, bool RetryAfter, string Body)
{
    /// <summary>
    /// The documented answer while PostgreSQL is down (docs/caching.md, "PostgreSQL down"): a 503 with Retry-After
    /// for a read that was in flight during an outage (sent before it ended, answered after it began). A read sent
    /// just before the outage can reach the database only once it is down: a stalled Redis or a slow build delays it.
    /// </summary>
    public bool IsDocumentedOutageAnswer(IEnumerable<(long StartedAt, long End)> outages)
        => Status == 503 && RetryAfter && outages.Any(w => StartedAt <= w.End && EndedAt >= w.StartedAt);
}

public static class HttpClients
{
    /// <summary>No automatic decompression (the checker decodes what it asked for), no cookies, no redirects.</summary>
    public static HttpClient Create(int timeoutMs) => new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = 64,
    })
    {
        Timeout = TimeSpan.FromMilliseconds(timeoutMs),
    };
}

/// <summary>
/// A writer owns a set of proteins, so each protein's writes are totally ordered: one at a time, each to a counter
/// one higher than the last one sent (whatever became of it). Instances alternate; PUT and PATCH alternate.
/// </summary>
public sealed class Writer(int index, IReadOnlyList<WatchedProtein> owned, SoakOptions options, string token, Stats stats, HttpClient http)
{
    public List<WriteRecord> History { get; } = [];

    public List<double> AckLatenciesMs { get; } = [];

    public async Task RunAsync(RunDeadline deadline, CancellationToken hardStop)
    {
        var counters = owned.ToDictionary(p => p.Slug, _ => 0L);
        var n = 0L;
        while (Clock.Now < deadline.At && !hardStop.IsCancellationRequested)
        {
            var p = owned[(int)(n % owned.Count)];
            var instance = options.Instances[(int)((n + index) % options.Instances.Count)];
            var counter = ++counters[p.Slug];
            var value = Surfaces.Encode(counter);
            using var request = new HttpRequestMessage(n % 2 == 0 ? HttpMethod.Patch : HttpMethod.Put, new Uri(instance, $"/api/proteins/{p.Slug}/"))
            {
                Content = new StringContent($"{{\"ipg_id\":\"{value}\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            n++;

            var sentAt = Clock.Now;
            long? ackAt = null;
            var status = 0;
            try
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
                cts.CancelAfter(options.RequestTimeoutMs);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                status = (int)response.StatusCode;
                var body = await response.Content.ReadAsByteArrayAsync(cts.Token);
                // The ack time: after the whole success response has arrived, never earlier.
                var received = Clock.Now;
                if (response.IsSuccessStatusCode)
                {
                    ackAt = received;
                    CheckEcho(body, response, p, value);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                if (ex is OperationCanceledException && !hardStop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref stats.WritesTimedOut);
                }
            }

            var outcome = ackAt is null ? WriteOutcome.Refused : WriteOutcome.Acknowledged;
            History.Add(new WriteRecord(p.Slug, counter, sentAt, ackAt, outcome, status));
            if (ackAt is { } a)
            {
                Interlocked.Increment(ref stats.WritesAcknowledged);
                AckLatenciesMs.Add(Clock.ToMs(a - sentAt));
            }
            else
            {
                Interlocked.Increment(ref stats.WritesRefused);
            }

            if (options.WritePauseMs > 0)
            {
                try
                {
                    await Task.Delay(options.WritePauseMs, hardStop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    private void CheckEcho(byte[] body, HttpResponseMessage response, WatchedProtein p, string value)
    {
        try
        {
            var text = Surfaces.DecodeBody(body, response.Content.Headers.ContentEncoding);
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.GetProperty("ipg_id").GetString() != value)
            {
                Interlocked.Increment(ref stats.WriteAckBodyMismatch);
                stats.Sample($"write of {p.Slug}={value} answered ipg_id={doc.RootElement.GetProperty("ipg_id")}");
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            Interlocked.Increment(ref stats.WriteAckBodyMismatch);
        }
    }
}

/// <summary>
/// A reader revalidates random surfaces, on random instances, in random content-codings, like one client behind a
/// load balancer: it keeps the ETag and the decoded value of the last 200 per (path, coding) and sends If-None-Match.
/// Every answer becomes observations (value, kind, start time) checked after the run.
/// </summary>
public sealed class Reader(int index, IReadOnlyList<WatchedProtein> watched, SoakOptions options, Stats stats, HttpClient http, Func<long> nextRequestId)
{
    private static readonly string[] Codings = ["identity", "gzip", "br"];

    private readonly Dictionary<(string Path, string Coding), (string ETag, Dictionary<string, long> Values)> held = [];

    public List<ReadObservation> Observations { get; } = [];

    public List<ServerError> ServerErrors { get; } = [];

    public async Task RunAsync(RunDeadline deadline, CancellationToken hardStop)
    {
        var random = new Random(unchecked(Environment.TickCount * 31 + index));
        var surfaces = Enum.GetValues<Surface>();
        while (Clock.Now < deadline.At && !hardStop.IsCancellationRequested)
        {
            var surface = surfaces[random.Next(surfaces.Length)];
            var p = watched[random.Next(watched.Count)];
            var instance = options.Instances[random.Next(options.Instances.Count)];
            var coding = Codings[random.Next(Codings.Length)];
            await ReadOnceAsync(surface, p, instance, coding, hardStop);
            if (options.ReadPauseMs > 0)
            {
                try
                {
                    await Task.Delay(options.ReadPauseMs, hardStop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    private async Task ReadOnceAsync(Surface surface, WatchedProtein p, Uri instance, string coding, CancellationToken hardStop)
    {
        var path = Surfaces.PathOf(surface, p);
        var key = (path, coding);
        var hasHeld = held.TryGetValue(key, out var mine);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance, path));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
        if (hasHeld)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", mine.ETag);
        }

        var id = nextRequestId();
        var name = Surfaces.Name(surface);
        var instanceName = instance.Authority;
        Interlocked.Increment(ref stats.Requests);
        // The read's start: before the request is sent, never later.
        var startedAt = Clock.Now;
        HttpResponseMessage response;
        byte[] body;
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
            cts.CancelAfter(options.RequestTimeoutMs);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            body = await response.Content.ReadAsByteArrayAsync(cts.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref stats.ReadTransportErrors);
            // An instance that is down (instance-kill) refuses at once: do not spin on it.
            await Task.Delay(100, CancellationToken.None);
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.Headers.TryGetValues("X-Cache", out var cache) && cache.Contains("hit"))
            {
                Interlocked.Increment(ref stats.EdgeHits);
            }

            var etag = response.Headers.ETag?.ToString();
            if (status == 304)
            {
                Interlocked.Increment(ref stats.NotModified304);
                if (!hasHeld)
                {
                    // Not asked for: cannot be checked against anything. Never expected.
                    stats.Sample($"304 without If-None-Match on {instanceName}{path} ({coding})");
                    Interlocked.Increment(ref stats.ReadParseErrors);
                    return;
                }

                if (etag is not null && etag != mine.ETag)
                {
                    Interlocked.Increment(ref stats.NotModifiedWithOtherETag);
                    stats.Sample($"304 with ETag {etag} for If-None-Match {mine.ETag} on {instanceName}{path} ({coding})");
                }

                foreach (var (slug, counter) in mine.Values)
                {
                    Observations.Add(new ReadObservation(id, slug, counter, ReadKind.NotModified, startedAt, name, instanceName, coding));
                }

                return;
            }

            if (status >= 500)
            {
                Interlocked.Increment(ref stats.Read5xx);
                // The body's start (a problem document names what failed), to tell one 5xx from another in a CI log.
                var excerpt = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
                ServerErrors.Add(new ServerError(startedAt, Clock.Now, status, name, instanceName, path, coding, response.Headers.RetryAfter is not null, excerpt));
                return;
            }

            if (status != 200)
            {
                Interlocked.Increment(ref stats.Read4xx);
                stats.Read4xxByStatus.AddOrUpdate(status.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, v) => v + 1);
                return;
            }

            Interlocked.Increment(ref stats.Ok200);
            Dictionary<string, long> values;
            try
            {
                var text = Surfaces.DecodeBody(body, response.Content.Headers.ContentEncoding);
                values = Surfaces.Parse(surface, p, text, watched);
            }
            catch (Exception ex) when (ex is FormatException or JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
            {
                Interlocked.Increment(ref stats.ReadParseErrors);
                stats.Sample($"unparsable 200 from {instanceName}{path} ({coding}): {ex.Message}");
                held.Remove(key);
                return;
            }

            foreach (var (slug, counter) in values)
            {
                Observations.Add(new ReadObservation(id, slug, counter, ReadKind.Ok, startedAt, name, instanceName, coding));
            }

            if (etag is not null)
            {
                var canonical = string.Join(",", values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
                var first = stats.ValuesByETag.GetOrAdd((path, coding, etag), canonical);
                if (first != canonical)
                {
                    Interlocked.Increment(ref stats.ETagReusedForOtherValues);
                    stats.Sample($"ETag {etag} of {path} ({coding}) labelled {first} and later {canonical}");
                }
            }

            if (etag is null)
            {
                Interlocked.Increment(ref stats.Ok200WithoutETag);
                held.Remove(key);
            }
            else
            {
                held[key] = (etag, values);
            }
        }
    }
}
