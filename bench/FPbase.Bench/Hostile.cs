using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

/// <summary>
/// The hostile mix of bench/hostile/run (issue: "a hostile mix for 2 minutes against one instance"): every
/// <see cref="HostileKind"/> at once against the running site while <see cref="HostileReader"/> revalidates, then
/// each kind alone for a slice, with the server's resident memory and CPU time read from /proc. Phases:
/// prime (the reader gets its ETags), warm-up, baseline (the reader alone: the server's CPU rate without attack),
/// the mix, the slices. Prints a Markdown report; exit code 0 when every goal is met, 1 when one is missed, 2 when
/// the run could not be made.
/// </summary>
internal static partial class Hostile
{
    private const double ReaderP99GoalMs = 50;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        HostileOptions o;
        try
        {
            o = HostileOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"hostile: {ex.Message}");
            return 2;
        }

        var settings = SiteSettings.Load(o.ContentRoot);
        var connectionString = settings.Configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("hostile: ConnectionStrings:Postgres is not set (bench/hostile/run exports the site's settings)");
            return 2;
        }

        var server = new ServerProcess(o.Pid, o.ClockTicks);
        if (!server.IsAlive)
        {
            Console.Error.WriteLine($"hostile: no process {o.Pid}");
            return 2;
        }

        var data = await HostileData.LoadAsync(connectionString);
        if (data.Slugs.Count == 0 || data.SpectrumIds.Count == 0 || data.ReferenceIds.Count == 0 || data.Dois.Count == 0 || data.MicroscopeIds.Count == 0 || data.OpticalConfigIds.Count == 0)
        {
            Console.Error.WriteLine("hostile: the database lacks proteins, spectra, references, microscopes or optical configs (was it seeded?)");
            return 2;
        }

        var kinds = HostileKind.All.Where(k => o.Kinds is null || o.Kinds.Contains(k.Name)).ToList();
        var context = new HostileContext(o.Base, data);
        var reader = new HostileReader(o.Base, data, o.ReaderSameOrigin, o.ReaderAddress);

        Log($"{data.Proteins:N0} proteins, {data.Spectra:N0} spectra; {context.Routes.Count} cached routes; reader paths: {string.Join(' ', reader.Paths.Select(p => p.Length > 40 ? p[..40] + "…" : p))}");
        await reader.PrimeAsync();
        using var readerStop = new CancellationTokenSource();
        var readerTask = reader.RunAsync(o.ReaderRate, readerStop.Token);
        using var samplerStop = new CancellationTokenSource();
        var memory = new RssSampler(server);
        var samplerTask = memory.RunAsync(samplerStop.Token);

        reader.Phase = "warmup";
        Log($"warm-up {o.WarmupSeconds:0.#} s, then the reader alone for {o.BaselineSeconds:0.#} s (baseline)");
        await Task.Delay(TimeSpan.FromSeconds(o.WarmupSeconds));
        reader.Phase = "baseline";
        var b0 = Snapshot.Take(server);
        await Task.Delay(TimeSpan.FromSeconds(o.BaselineSeconds));
        var b1 = Snapshot.Take(server);
        var idleCpuPerSecond = Math.Max(0, (b1.Cpu - b0.Cpu) / (b1.Seconds - b0.Seconds));

        var logStart = o.ServerLog is { } log && File.Exists(log) ? new FileInfo(log).Length : 0;
        var rssStart = server.IsAlive ? server.RssBytes() : 0;
        memory.Reset(rssStart);
        reader.Phase = "mix";
        Log($"the mix: {kinds.Count} kinds, {kinds.Sum(k => k.Concurrency)} clients, {o.Seconds:0.#} s");
        var routes = new ConcurrentDictionary<(string Route, string Column), Tally>();
        var m0 = Snapshot.Take(server);
        // The reader that the goal is measured on, in a process of its own, from the next address (127.0.0.3).
        var outsideAddress = new System.Net.IPAddress(o.ReaderAddress.GetAddressBytes().Select((b, i) => i == 3 ? (byte)(b + 1) : b).ToArray());
        var outside = HostileReaderProcess.RunAsync(o.Base, reader.Paths, outsideAddress, o.ReaderRate, Math.Max(5, o.Seconds - 3), o.ReaderSameOrigin);
        var mix = await RunKindsAsync(context, kinds, o.Seconds, o.MaxRate, routes);
        var m1 = Snapshot.Take(server);
        var outsideSamples = await outside;
        var rssMixEnd = server.IsAlive ? server.RssBytes() : 0;

        var slices = new Dictionary<string, (long Requests, double CpuMs, Tally Statuses, long RssBefore, long RssAfter)>();
        if (o.SliceSeconds > 0)
        {
            Log($"each kind alone for {o.SliceSeconds:0.#} s");
            foreach (var kind in kinds)
            {
                if (!server.IsAlive)
                {
                    break;
                }

                // What the previous phase left running (builds of abandoned requests, GC) is not this kind's.
                reader.Phase = "settle";
                await SettleAsync(server, idleCpuPerSecond);
                reader.Phase = "slice";
                var s0 = Snapshot.Take(server);
                var rssBefore = server.RssBytes();
                var alone = await RunKindsAsync(context, [kind], o.SliceSeconds, o.MaxRate, null);
                var s1 = Snapshot.Take(server);
                var rssAfter = server.IsAlive ? server.RssBytes() : 0;
                var requests = alone[kind.Name].Total;
                var cpu = s1.Cpu - s0.Cpu - (idleCpuPerSecond * (s1.Seconds - s0.Seconds));
                slices[kind.Name] = (requests, requests == 0 ? double.NaN : cpu * 1000 / requests, alone[kind.Name], rssBefore, rssAfter);
            }
        }

        reader.Phase = "end";
        await readerStop.CancelAsync();
        await readerTask;
        var alive = server.IsAlive;
        var rssEnd = alive ? server.RssBytes() : 0;
        await samplerStop.CancelAsync();
        await samplerTask;

        var report = new Report(o, settings, data, kinds, context, mix, slices, routes, reader, server)
        {
            Alive = alive,
            LogStart = logStart,
            IdleCpuPerSecond = idleCpuPerSecond,
            Baseline = (b0, b1),
            Mix = (m0, m1),
            RssStart = rssStart,
            RssPeak = memory.Peak,
            RssMixEnd = rssMixEnd,
            RssEnd = rssEnd,
            OutsideReader = outsideSamples,
        };
        var markdown = report.Markdown(out var missed, out var json);
        Console.WriteLine(markdown);
        if (o.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, markdown);
        }

        if (o.JsonPath is { } jsonPath)
        {
            await File.WriteAllTextAsync(jsonPath, json);
        }

        return missed ? 1 : 0;
    }

    /// <summary>Waits (at most 15 s) until the server's CPU over one second is back near the baseline.</summary>
    private static async Task SettleAsync(ServerProcess server, double idleCpuPerSecond)
    {
        for (var i = 0; i < 15 && server.IsAlive; i++)
        {
            var a = Snapshot.Take(server);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var b = Snapshot.Take(server);
            if ((b.Cpu - a.Cpu) / (b.Seconds - a.Seconds) <= (idleCpuPerSecond * 1.5) + 0.05)
            {
                return;
            }
        }
    }

    private static void Log(string message) => Console.Error.WriteLine($"==> hostile: {message}");

    /// <summary>Runs <paramref name="kinds"/> (each with its clients) for <paramref name="seconds"/>, then waits for the requests under way.</summary>
    private static async Task<Dictionary<string, Tally>> RunKindsAsync(HostileContext context, IReadOnlyList<HostileKind> kinds, double seconds, double maxRate, ConcurrentDictionary<(string Route, string Column), Tally>? routes)
    {
        var tallies = kinds.ToDictionary(k => k.Name, _ => new Tally());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var workers = new List<Task>();
        foreach (var kind in kinds)
        {
            for (var i = 0; i < kind.Concurrency; i++)
            {
                // Unseeded: a slice must not replay the mix's query strings (they would all be cache hits).
                workers.Add(WorkerAsync(context, kind, tallies[kind.Name], routes, maxRate, new Random(), stop.Token));
            }
        }

        await Task.WhenAll(workers);
        return tallies;
    }

    private static async Task WorkerAsync(HostileContext context, HostileKind kind, Tally tally, ConcurrentDictionary<(string Route, string Column), Tally>? routes, double maxRate, Random random, CancellationToken stop)
    {
        await Task.Yield();
        var minimum = maxRate > 0 ? TimeSpan.FromSeconds(1 / maxRate) : TimeSpan.Zero;
        var column = kind.Name.StartsWith("spoofed", StringComparison.Ordinal) ? "spoofed" : kind.Name;
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            Outcome outcome;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                timeout.CancelAfter(RequestTimeout);
                try
                {
                    outcome = await kind.SendAsync(context, random, timeout.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break; // cut by the end of the phase: not counted
                }
                catch (OperationCanceledException)
                {
                    outcome = new("timeout");
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or ObjectDisposedException)
                {
                    outcome = new("reset");
                }
            }

            tally.Add(outcome.Status);
            if (routes is not null && outcome.Route is { } route)
            {
                routes.GetOrAdd((route, column), _ => new Tally()).Add(outcome.Status);
            }

            var wait = minimum - Stopwatch.GetElapsedTime(started);
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
    }

    /// <summary>Counts by status.</summary>
    internal sealed class Tally
    {
        private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

        public long Total => _counts.Values.Sum();

        public long ServerErrors => _counts.Where(c => IsServerError(c.Key)).Sum(c => c.Value);

        public long Count(string status) => _counts.GetValueOrDefault(status);

        public void Add(string status) => _counts.AddOrUpdate(status, 1, static (_, n) => n + 1);

        public IReadOnlyDictionary<string, long> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value);

        public string Describe() => _counts.IsEmpty ? "–" : string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value:N0}"));

        public static bool IsServerError(string status) => int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 500;
    }

    /// <summary>Server CPU seconds, machine ticks and the driver's own CPU at one moment.</summary>
    internal readonly record struct Snapshot(double Seconds, double Cpu, long MachineBusy, long MachineTotal, double DriverCpu)
    {
        public static Snapshot Take(ServerProcess server)
        {
            var (busy, total) = ServerProcess.MachineTicks();
            double cpu;
            try
            {
                cpu = server.CpuSeconds();
            }
            catch (IOException)
            {
                cpu = double.NaN; // the server is gone
            }

            using var self = Process.GetCurrentProcess();
            return new(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency, cpu, busy, total, self.TotalProcessorTime.TotalSeconds);
        }
    }

    /// <summary>The server's VmRSS every second; the peak since the last reset.</summary>
    private sealed class RssSampler(ServerProcess server)
    {
        private long _peak;

        public long Peak => Interlocked.Read(ref _peak);

        public void Reset(long value) => Interlocked.Exchange(ref _peak, value);

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var rss = server.RssBytes();
                    long seen;
                    while (rss > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, rss, seen) != seen)
                    {
                    }
                }
                catch (IOException)
                {
                    return;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
