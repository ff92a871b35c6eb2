using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

/// <summary>
/// The normal reader: what a real user's browser or script does between edits. It revalidates a handful of
/// protein pages, <c>/api/proteins/</c>, <c>/api/spectra-list/</c> and the spectra viewer's GraphQL query
/// (by GET, which shares ETags with the viewer's POST), round robin, at a steady rate (open loop: a slow answer
/// does not delay the next request), from an address of its own (default 127.0.0.2: another client, which the
/// per-IP rate limits tell apart from the attackers on 127.0.0.1), with <c>If-None-Match</c> once it
/// holds an ETag and the Accept-Encoding a browser sends. Its own connection pool. Every request is recorded
/// with the phase it was sent in.
/// </summary>
internal sealed class HostileReader
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly IReadOnlyList<string> _paths;
    private readonly bool _sameOrigin;
    private readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Sample> _samples = new();

    public HostileReader(Uri baseUri, HostileData data, bool sameOrigin, IPAddress address)
        : this(baseUri, PathsFor(data), sameOrigin, address)
    {
    }

    public HostileReader(Uri baseUri, IReadOnlyList<string> paths, bool sameOrigin, IPAddress address)
    {
        _sameOrigin = sameOrigin;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = 16,
        })
        {
            BaseAddress = baseUri,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _paths = paths;
    }

    /// <summary>Four protein pages, <c>/api/proteins/</c>, <c>/api/spectra-list/</c> and the viewer's GraphQL query.</summary>
    public static IReadOnlyList<string> PathsFor(HostileData data)
    {
        var pages = new[] { "egfp", "mcherry" }.Where(data.Slugs.Contains).Concat(data.Slugs.Where((_, i) => i % 97 == 13)).Distinct().Take(4);
        return
        [
            .. pages.Select(slug => $"/protein/{slug}/"),
            "/api/proteins/",
            "/api/spectra-list/",
            "/graphql/?query=" + Uri.EscapeDataString($"{{ spectrum(id: {data.SpectrumIds[0]}) {{ id data color owner {{ name }} }} }}"),
        ];
    }

    public IReadOnlyList<string> Paths => _paths;

    private volatile string _phase = "prime";

    /// <summary>The phase new requests are recorded under.</summary>
    public string Phase
    {
        get => _phase;
        set => _phase = value;
    }

    public IEnumerable<Sample> Samples(string phase) => _samples.Where(s => s.Phase == phase);

    /// <summary>Each path once, one after the other: the reader then holds an ETag for each.</summary>
    public async Task PrimeAsync()
    {
        foreach (var path in _paths)
        {
            await OneAsync(path, "prime");
        }
    }

    public async Task RunAsync(double perSecond, CancellationToken stop)
    {
        var interval = Stopwatch.Frequency / perSecond;
        var next = (double)Stopwatch.GetTimestamp();
        var inflight = new List<Task>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            inflight.Add(OneAsync(_paths[i % _paths.Count], Phase));
            inflight.RemoveAll(t => t.IsCompleted);
            next += interval;
            var wait = TimeSpan.FromSeconds((next - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(inflight);
    }

    private async Task OneAsync(string path, string phase)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var page = path.StartsWith("/protein/", StringComparison.Ordinal);
        request.Headers.TryAddWithoutValidation("Accept", page ? "text/html,application/xhtml+xml,*/*;q=0.8" : "application/json");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        if (_etags.TryGetValue(path, out var etag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (_sameOrigin)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        }

        using var timeout = new CancellationTokenSource(Timeout);
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var started = Stopwatch.GetTimestamp();
        string status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using (var body = await response.Content.ReadAsStreamAsync(timeout.Token))
            {
                await body.CopyToAsync(Stream.Null, timeout.Token);
            }

            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } tag)
            {
                _etags[path] = tag.ToString();
            }
        }
        catch (OperationCanceledException)
        {
            status = "timeout";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            status = "reset";
        }

        _samples.Enqueue(new Sample(phase, Stopwatch.GetElapsedTime(started).TotalMilliseconds, status, path, at));
    }

    /// <param name="Phase">The phase it was sent in.</param>
    /// <param name="Ms">How long until its whole body had arrived.</param>
    /// <param name="Status">The status code, or <c>timeout</c> / <c>reset</c>.</param>
    /// <param name="Path">What it asked for.</param>
    /// <param name="At">When it was sent (Unix ms), to line its stalls up with the server's log and counters.</param>
    public sealed record Sample(string Phase, double Ms, string Status, string Path, long At);
}
