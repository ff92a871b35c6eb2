using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

/// <summary>What one hostile request came to: an HTTP status (<c>"200"</c>, <c>"429"</c>...) or what happened instead, and the route it asked for (random-query and spoofed kinds).</summary>
internal readonly record struct Outcome(string Status, string? Route = null);

/// <summary>
/// One kind of hostile request, sent by <see cref="Concurrency"/> clients at once, each as fast as the server
/// answers (and at most <c>--max-rate</c> a second). Statuses are counted per kind; a request the server never
/// answered is <c>reset</c> (connection closed or refused), <c>timeout</c> (30 s) or, where the client hangs
/// up on purpose, <c>aborted</c>.
/// </summary>
internal sealed record HostileKind(string Name, int Concurrency, string What, Func<HostileContext, Random, CancellationToken, Task<Outcome>> SendAsync)
{
    public const int SlowBodySeconds = 3;

    public static IReadOnlyList<HostileKind> All { get; } =
    [
        new("random-query", 4, "GET on every cached route with a query string never sent before (see the route table)", RandomQueryAsync),
        new("spoofed-fetch-site", 2, "random-query on the rate-limited routes (/api/*, /graphql/) with `Sec-Fetch-Site: same-origin`", (c, r, ct) => SpoofedAsync(c, r, ct, referer: false)),
        new("spoofed-referer", 2, "the same with `Referer: http://127.0.0.1:PORT/spectra/` and no fetch metadata", (c, r, ct) => SpoofedAsync(c, r, ct, referer: true)),
        new("fragment-bomb-post", 1, "POST /graphql/ `query{...F1} fragment F1 on Query{...F2 ...F2} … fragment F30 on Query{__typename}` (2^29 selections expanded)", (c, _, ct) => StatusAsync(c, Post("/graphql/", Json(c.FragmentBombJson)), ct)),
        new("fragment-bomb-get", 1, "the same bomb by GET /graphql/?query=", (c, r, ct) => StatusAsync(c, Get(c.FragmentBombGetPath, r), ct)),
        new("deep-json-graphql", 1, "POST /graphql/ with variables nested 10,000 arrays deep", (c, _, ct) => StatusAsync(c, Post("/graphql/", Json(c.DeepJsonGraphQL)), ct)),
        new("deep-json-proteins", 1, "POST /api/proteins/ with a body nested 10,000 arrays deep", (c, _, ct) => StatusAsync(c, Post("/api/proteins/", Json(c.DeepJson)), ct)),
        new("wide-json-graphql", 1, "POST /graphql/ `{__typename}` with 100,000 variables (~0.8 MB, one random value so each is new; more than the 1,000 allowed)", (c, r, ct) => StatusAsync(c, Post("/graphql/", Json(c.WideJson(r))), ct)),
        new("wide-json-proteins", 1, "POST /api/proteins/ with the same 100,000-key object", (c, r, ct) => StatusAsync(c, Post("/api/proteins/", Json(c.WideJson(r))), ct)),
        new("many-params", 1, "GET /api/proteins/ or /table/ with 10,000 query parameters (~50 KB URL)", (c, r, ct) => StatusAsync(c, Get((r.Next(2) == 0 ? "/api/proteins/?" : "/table/?") + c.ManyParams, r), ct)),
        new("many-form-fields", 1, "POST /accounts/login/ with 10,000 form fields", ManyFormFieldsAsync),
        new("big-headers", 1, "GET /api/proteins/ or /table/ with 64 KB of headers (16 × 4 KB, or one 64 KB Cookie)", BigHeadersAsync),
        new("oversized-body", 1, "POST 10 MB to /graphql/ or /api/proteins/, with Content-Length or chunked", OversizedAsync),
        new("slow-body", 8, $"raw socket: POST /accounts/login/ (form), or /graphql/ (JSON, with `Sec-Fetch-Site: same-origin` as a page's script sends it), announcing 100,000 bytes, then 1 byte every 100 ms; hangs up after {SlowBodySeconds} s", SlowBodyAsync),
        new("disconnect", 2, "raw socket: a random-query GET, whole or cut in the headers, then a reset after 1–20 ms", DisconnectAsync),
    ];

    private static readonly string[] Codings = ["identity", "gzip", "br", "gzip, deflate, br, zstd"];

    private static Task<Outcome> RandomQueryAsync(HostileContext c, Random r, CancellationToken ct)
    {
        var route = c.Routes[r.Next(c.Routes.Count)];
        return WithRoute(StatusAsync(c, Get(route.Url(r), r), ct), route);
    }

    private static Task<Outcome> SpoofedAsync(HostileContext c, Random r, CancellationToken ct, bool referer)
    {
        var route = c.LimitedRoutes[r.Next(c.LimitedRoutes.Count)];
        var request = Get(route.Url(r), r);
        if (referer)
        {
            request.Headers.Referrer = new Uri(c.Base, "/spectra/");
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "cors");
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", "empty");
        }

        return WithRoute(StatusAsync(c, request, ct), route);
    }

    private static Task<Outcome> ManyFormFieldsAsync(HostileContext c, Random r, CancellationToken ct)
    {
        var content = new ByteArrayContent(c.ManyFormFields);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return StatusAsync(c, Post("/accounts/login/", content), ct);
    }

    private static Task<Outcome> BigHeadersAsync(HostileContext c, Random r, CancellationToken ct)
    {
        var request = Get(r.Next(2) == 0 ? "/api/proteins/" : "/table/", r);
        if (r.Next(2) == 0)
        {
            for (var i = 0; i < c.PadHeaders.Length; i++)
            {
                request.Headers.TryAddWithoutValidation($"X-Pad-{i}", c.PadHeaders[i]);
            }
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Cookie", c.BigCookie);
        }

        return StatusAsync(c, request, ct);
    }

    private static Task<Outcome> OversizedAsync(HostileContext c, Random r, CancellationToken ct)
    {
        HttpContent content = r.Next(2) == 0 ? new ByteArrayContent(c.Oversized) : new ChunkedContent(c.Oversized);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return StatusAsync(c, Post(r.Next(2) == 0 ? "/graphql/" : "/api/proteins/", content), ct);
    }

    private static async Task<Outcome> SlowBodyAsync(HostileContext c, Random r, CancellationToken ct)
    {
        // A route that reads the body: the login form (a page: not rate-limited), or GraphQL as a page's script sends it.
        var login = r.Next(2) == 0;
        var head = login
            ? $"POST /accounts/login/ HTTP/1.1\r\nHost: {c.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
            : $"POST /graphql/ HTTP/1.1\r\nHost: {c.Authority}\r\nContent-Type: application/json\r\nSec-Fetch-Site: same-origin\r\nContent-Length: 100000\r\n\r\n";
        var body = login ? "username=someone&password=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"u8.ToArray() : "{\"query\":\"{ __typename                                                   "u8.ToArray();
        using var socket = await RawConnectAsync(c, ct);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, ct);
        var buffer = new byte[512];
        var receive = socket.ReceiveAsync(buffer, SocketFlags.None, ct).AsTask();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            for (var i = 0; !receive.IsCompleted && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(SlowBodySeconds); i++)
            {
                await socket.SendAsync(body.AsMemory(i % body.Length, 1), SocketFlags.None, ct);
                await Task.WhenAny(receive, Task.Delay(100, ct));
            }

            ct.ThrowIfCancellationRequested();
            return receive.IsCompletedSuccessfully
                ? new(receive.Result > 0 ? StatusLine(buffer, receive.Result) : "closed")
                : new("aborted");
        }
        finally
        {
            Abort(socket);
            await receive.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static async Task<Outcome> DisconnectAsync(HostileContext c, Random r, CancellationToken ct)
    {
        var route = c.Routes[r.Next(c.Routes.Count)];
        var request = $"GET {route.Url(r)} HTTP/1.1\r\nHost: {c.Authority}\r\nAccept-Encoding: {Codings[r.Next(Codings.Length)]}\r\nAccept: */*\r\n\r\n";
        var cut = r.Next(2) == 0;
        using var socket = await RawConnectAsync(c, ct);
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(cut ? request[..(request.Length / 2)] : request), SocketFlags.None, ct);
            await Task.Delay(r.Next(1, 21), ct);
        }
        finally
        {
            Abort(socket);
        }

        return new(cut ? "aborted in headers" : "aborted");
    }

    private static async Task<Outcome> WithRoute(Task<Outcome> send, HostileRoute route) => (await send) with { Route = route.Template };

    private static async Task<Outcome> StatusAsync(HostileContext c, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        using (var response = await c.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct))
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(Stream.Null, ct);
            return new(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static HttpRequestMessage Get(string path, Random r)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", Codings[r.Next(Codings.Length)]);
        return request;
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<Socket> RawConnectAsync(HostileContext c, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(c.Base.Host), c.Base.Port), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Hang up with a reset (linger 0), as a client that goes away does, not a polite FIN.</summary>
    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already closed by the server.
        }

        socket.Dispose();
    }

    private static string StatusLine(byte[] buffer, int length)
    {
        var line = Encoding.ASCII.GetString(buffer, 0, length);
        return line.StartsWith("HTTP/1.", StringComparison.Ordinal) && line.Length >= 12 ? line[9..12] : "garbage";
    }

    /// <summary>A body sent without Content-Length (chunked), 64 KB at a time.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), cancellationToken);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>What the hostile clients share: the HTTP client, the routes, and the bodies, built once.</summary>
internal sealed class HostileContext
{
    private const string WidePlaceholder = "XXXXXXXXXXXX";
    private readonly byte[] _wideJson;
    private readonly int _wideOffset;

    public HostileContext(Uri baseUri, HostileData data)
    {
        Base = baseUri;
        Authority = $"{baseUri.Host}:{baseUri.Port}";
        Http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = 256,
            MaxResponseHeadersLength = 256,
        })
        {
            BaseAddress = baseUri,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Routes = HostileRoute.All(data);
        LimitedRoutes = [.. Routes.Where(r => r.Limited)];

        var bomb = new StringBuilder("query{...F1}");
        for (var i = 1; i < 30; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}");
        }

        bomb.Append(" fragment F30 on Query{__typename}");
        FragmentBombJson = JsonBody(bomb.ToString(), variables: null);
        FragmentBombGetPath = "/graphql/?query=" + Uri.EscapeDataString(bomb.ToString());

        const int Depth = 10_000;
        var deep = new string('[', Depth) + new string(']', Depth);
        DeepJson = Encoding.ASCII.GetBytes(deep);
        DeepJsonGraphQL = JsonBody("{__typename}", "{\"v\":" + deep + "}");

        var wide = new StringBuilder("{");
        for (var i = 0; i < 100_000; i++)
        {
            wide.Append('"').Append(Base36(i, 4)).Append("\":0,");
        }

        wide.Append("\"r\":\"").Append(WidePlaceholder).Append("\"}");
        _wideJson = JsonBody("{__typename}", wide.ToString());
        _wideOffset = Encoding.ASCII.GetString(_wideJson).IndexOf(WidePlaceholder, StringComparison.Ordinal);

        ManyParams = string.Join('&', Enumerable.Range(0, 10_000).Select(i => Base36(i, 3) + "="));
        ManyFormFields = Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 10_000).Select(i => Base36(i, 3) + "=0")));
        PadHeaders = [.. Enumerable.Range(0, 16).Select(_ => new string('a', 4096))];
        BigCookie = string.Join("; ", Enumerable.Range(0, 64).Select(i => $"c{i}={new string('b', 1000)}"));
        Oversized = new byte[10 * 1024 * 1024];
        Array.Fill(Oversized, (byte)'a');
    }

    public Uri Base { get; }

    public string Authority { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<HostileRoute> Routes { get; }

    public IReadOnlyList<HostileRoute> LimitedRoutes { get; }

    public byte[] FragmentBombJson { get; }

    public string FragmentBombGetPath { get; }

    public byte[] DeepJson { get; }

    public byte[] DeepJsonGraphQL { get; }

    public string ManyParams { get; }

    public byte[] ManyFormFields { get; }

    public string[] PadHeaders { get; }

    public string BigCookie { get; }

    public byte[] Oversized { get; }

    /// <summary>The 100,000-key body with a fresh random value, so that no two requests are the same GraphQL request.</summary>
    public byte[] WideJson(Random r)
    {
        var body = (byte[])_wideJson.Clone();
        Encoding.ASCII.GetBytes(HostileRoute.Hex(r, WidePlaceholder.Length), body.AsSpan(_wideOffset));
        return body;
    }

    private static byte[] JsonBody(string query, string? variables)
        => Encoding.UTF8.GetBytes("{\"query\":" + System.Text.Json.JsonSerializer.Serialize(query) + (variables is null ? "" : ",\"variables\":" + variables) + "}");

    private static string Base36(int value, int width)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> chars = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            chars[i] = Digits[value % 36];
            value /= 36;
        }

        return new string(chars);
    }
}
