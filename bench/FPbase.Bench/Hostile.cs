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
internal static class Hostile
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

        var slices = new Dictionary<string, (long Requests, double CpuMs, Tally Statuses)>();
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
                var alone = await RunKindsAsync(context, [kind], o.SliceSeconds, o.MaxRate, null);
                var s1 = Snapshot.Take(server);
                var requests = alone[kind.Name].Total;
                var cpu = s1.Cpu - s0.Cpu - (idleCpuPerSecond * (s1.Seconds - s0.Seconds));
                slices[kind.Name] = (requests, requests == 0 ? double.NaN : cpu * 1000 / requests, alone[kind.Name]);
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

    private sealed class Report(
        HostileOptions o,
        SiteSettings settings,
        HostileData data,
        IReadOnlyList<HostileKind> kinds,
        HostileContext context,
        Dictionary<string, Tally> mix,
        Dictionary<string, (long Requests, double CpuMs, Tally Statuses)> slices,
        ConcurrentDictionary<(string Route, string Column), Tally> routes,
        HostileReader reader,
        ServerProcess server)
    {
        public bool Alive { get; init; }

        /// <summary>The reader process's samples during the mix (what the p99 goal is measured on).</summary>
        public IReadOnlyList<HostileReader.Sample> OutsideReader { get; init; } = [];

        /// <summary>Where the measured phases began in the server's log (migrating an empty database logs failures of its own).</summary>
        public long LogStart { get; init; }

        public double IdleCpuPerSecond { get; init; }

        public (Snapshot Start, Snapshot End) Baseline { get; init; }

        public (Snapshot Start, Snapshot End) Mix { get; init; }

        public long RssStart { get; init; }

        public long RssPeak { get; init; }

        public long RssMixEnd { get; init; }

        public long RssEnd { get; init; }

        public string Markdown(out bool missed, out string json)
        {
            var inv = CultureInfo.InvariantCulture;
            var b = new StringBuilder();
            var mixSeconds = Mix.End.Seconds - Mix.Start.Seconds;
            var hostileRequests = mix.Values.Sum(t => t.Total);
            var hostile5xx = mix.Values.Sum(t => t.ServerErrors);
            var readerAll = reader.Samples("mix").ToList();
            var reader5xx = readerAll.Count(s => Tally.IsServerError(s.Status));
            var allReader5xx = new[] { "baseline", "mix", "slice" }.Sum(p => reader.Samples(p).Count(s => Tally.IsServerError(s.Status)));
            var slice5xx = slices.Values.Sum(s => s.Statuses.ServerErrors);
            var readerAnswered = readerAll.Where(s => s.Status != "429").Select(s => s.Ms).Order().ToArray();
            var readerStatuses = new Tally();
            foreach (var s in readerAll)
            {
                readerStatuses.Add(s.Status);
            }

            var baselineReader = reader.Samples("baseline").Where(s => s.Status != "429").Select(s => s.Ms).Order().ToArray();
            var p50 = Timing.Percentile(readerAnswered, 0.5);
            var p99 = Timing.Percentile(readerAnswered, 0.99);
            var outsideAnswered = OutsideReader.Where(s => s.Status != "429").Select(s => s.Ms).Order().ToArray();
            var outsideP50 = Timing.Percentile(outsideAnswered, 0.5);
            var outsideP99 = Timing.Percentile(outsideAnswered, 0.99);
            var outside5xx = OutsideReader.Count(s => Tally.IsServerError(s.Status));
            var outside429 = OutsideReader.Count(s => s.Status == "429");
            var serverCpu = Mix.End.Cpu - Mix.Start.Cpu;
            var attackCpu = serverCpu - (IdleCpuPerSecond * mixSeconds);
            var cpuMsPerRequest = hostileRequests == 0 ? double.NaN : attackCpu * 1000 / hostileRequests;
            var machineBusy = (Mix.End.MachineBusy - Mix.Start.MachineBusy) / (double)Math.Max(1, Mix.End.MachineTotal - Mix.Start.MachineTotal);
            var driverCpu = Mix.End.DriverCpu - Mix.Start.DriverCpu;
            var (fails, crits, top) = LogEntries(o.ServerLog, LogStart);

            var budget = settings.MemoryBudget();
            string budgetText;
            bool memoryOk;
            if (budget is null)
            {
                budgetText = "budget: not configured (the site has no payload memory budget setting: unbounded)";
                memoryOk = false;
            }
            else if (budget.Value.Bytes is not { } bytes)
            {
                budgetText = $"budget: `{budget.Value.Setting}` not set (unbounded)";
                memoryOk = false;
            }
            else
            {
                // The budget bounds the payloads kept in memory, not the process: what the attack may add to the
                // resident memory after the warm-up is the budget, and the whole stays well under 1 GiB.
                budgetText = $"{MiB(RssEnd - RssStart)} more than after the warm-up ({MiB(RssStart)}); payload budget {MiB(bytes)} (`{budget.Value.Setting}`); goal: growth within the budget, total under 1 GiB";
                memoryOk = Alive && RssEnd - RssStart <= bytes && RssEnd < 1024L * 1024 * 1024;
            }

            var no5xx = hostile5xx == 0 && allReader5xx == 0 && slice5xx == 0 && outside5xx == 0;
            var p99Ok = outsideAnswered.Length > 0 && outsideP99 < ReaderP99GoalMs;
            missed = !(no5xx && memoryOk && p99Ok && Alive);
            string Verdict(bool ok) => ok ? "met" : "**missed**";

            b.AppendLine("### Hostile mix");
            b.AppendLine();
            b.AppendLine(inv, $"`bench/hostile/run --seconds {o.Seconds:0.#}` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores: one Release instance in Production on 127.0.0.1 (PostgreSQL + Redis, default seed: {data.Proteins:N0} proteins, {data.Spectra:N0} approved spectra), rate limits as configured ({settings.Describe("RateLimiting") ?? "no RateLimiting options found"}). {kinds.Count} hostile kinds, {kinds.Sum(k => k.Concurrency)} clients at once (each at most {o.MaxRate:0.#} requests/s), for {mixSeconds:F0} s; then each kind alone for {o.SliceSeconds:0.#} s. The normal reader: {o.ReaderRate:0.#} requests/s throughout, from {o.ReaderAddress}.");
            b.AppendLine();
            b.AppendLine("| goal | measured | |");
            b.AppendLine("|---|---|---|");
            b.AppendLine(inv, $"| no 5xx | {hostile5xx + slice5xx + allReader5xx:N0} (hostile: {hostile5xx:N0} in the mix, {slice5xx:N0} alone; reader {allReader5xx:N0}) | {Verdict(no5xx)} |");
            b.AppendLine(inv, $"| resident memory at the end within the payload budget | {(Alive ? MiB(RssEnd) : "server exited")}; {budgetText} | {Verdict(memoryOk)} |");
            b.AppendLine(inv, $"| normal reader's p99 < {ReaderP99GoalMs:0} ms during the mix (its own process; 429s left out) | {Ms(outsideP99)} (p50 {Ms(outsideP50)}, max {Ms(outsideAnswered.Length == 0 ? double.NaN : outsideAnswered[^1])}; {outsideAnswered.Length:N0} requests, {outside429:N0} 429s, {outside5xx:N0} 5xx) | {Verdict(p99Ok)} |");
            b.AppendLine(inv, $"| CPU per hostile request: bounded, stated | {cpuMsPerRequest:F2} ms ({hostileRequests:N0} requests, {attackCpu:F1} server CPU s beyond the reader's baseline) | stated |");
            if (!Alive)
            {
                b.AppendLine();
                b.AppendLine(inv, $"**The server (pid {server.Pid}) exited during the run.**");
            }

            b.AppendLine();
            b.AppendLine(inv, $"- **Memory** (VmRSS): {MiB(RssStart)} after the warm-up, peak {MiB(RssPeak)}, {MiB(RssMixEnd)} at the end of the mix, {MiB(RssEnd)} at the end (after the slices).");
            b.AppendLine(inv, $"- **CPU**: the server used {serverCpu:F1} s in the {mixSeconds:F0} s mix ({serverCpu / mixSeconds / Environment.ProcessorCount:P0} of the cores; machine busy {machineBusy:P0}; the driver itself {driverCpu:F1} s). Reader alone (baseline): {IdleCpuPerSecond * 1000:F0} ms of server CPU per second, subtracted. PostgreSQL's and Redis's own CPU are not counted.");
            b.AppendLine(inv, $"- **Throughput**: {hostileRequests / mixSeconds:N0} hostile requests/s in the mix.");
            b.AppendLine(inv, $"- **Reader** in the mix, from its own process ({OutsideReader.Count:N0} requests, the goal above); the same reader inside the driver, sharing its thread pool with the attackers: {readerStatuses.Describe()}; {readerStatuses.Count("429"):N0} of {readerAll.Count:N0} were 429; p50 {Ms(p50)}, p99 {Ms(p99)}. Alone (baseline, inside the driver): p50 {Ms(Timing.Percentile(baselineReader, 0.5))}, p99 {Ms(Timing.Percentile(baselineReader, 0.99))}.");
            if (OutsideReader.Count > 0)
            {
                // When the slowest answers came: at the start of the mix (every attacker's first burst) or throughout.
                var first = OutsideReader.Min(x => x.At);
                var slowest = OutsideReader.Where(x => x.Status != "429").OrderByDescending(x => x.Ms).Take(5);
                b.AppendLine(inv, $"- **Reader's slowest** (ms, at seconds into the mix): {string.Join(", ", slowest.Select(x => $"{x.Ms:0} at {(x.At - first) / 1000.0:0.0}"))}.");
            }
            b.AppendLine(inv, $"- **Server log** from the baseline on: {fails:N0} `fail:` and {crits:N0} `crit:` entries{(top.Count == 0 ? "." : ", most often:")}");
            foreach (var (entry, count) in top)
            {
                b.AppendLine(inv, $"  - {count:N0} × {entry}");
            }
            b.AppendLine();
            b.AppendLine("| kind | clients | mix: requests | mix: by status | alone: by status | alone: server CPU ms/request |");
            b.AppendLine("|---|---|---|---|---|---|");
            foreach (var kind in kinds)
            {
                var t = mix[kind.Name];
                var alone = slices.TryGetValue(kind.Name, out var s) ? (s.Statuses.Describe(), Cpu(s.CpuMs)) : ("–", "–");
                b.AppendLine(inv, $"| {kind.Name} | {kind.Concurrency} | {t.Total:N0} | {t.Describe()} | {alone.Item1} | {alone.Item2} |");
            }

            b.AppendLine(inv, $"| **all** | {kinds.Sum(k => k.Concurrency)} | {hostileRequests:N0} | | | mix: {Cpu(cpuMsPerRequest)} |");
            b.AppendLine();
            b.AppendLine("| route, random query string (mix) | random-query: by status | spoofed: by status |");
            b.AppendLine("|---|---|---|");
            foreach (var route in context.Routes)
            {
                var plain = routes.GetValueOrDefault((route.Template, "random-query"))?.Describe() ?? "–";
                var spoofed = route.Limited ? routes.GetValueOrDefault((route.Template, "spoofed"))?.Describe() ?? "–" : "(not limited)";
                b.AppendLine(inv, $"| `{route.Template}` | {plain} | {spoofed} |");
            }

            b.AppendLine();
            b.AppendLine("Kinds:");
            b.AppendLine();
            foreach (var kind in kinds)
            {
                b.AppendLine(inv, $"- `{kind.Name}`: {kind.What}.");
            }

            json = JsonSerializer.Serialize(new
            {
                seconds = mixSeconds,
                goalsMet = !missed,
                serverAlive = Alive,
                fiveHundreds = new { mix = hostile5xx, alone = slice5xx, reader = allReader5xx },
                rss = new { start = RssStart, peak = RssPeak, mixEnd = RssMixEnd, end = RssEnd, budget = budget?.Bytes, budgetSetting = budget?.Setting },
                reader = new { p50 = outsideP50, p99 = outsideP99, insideDriverP50 = p50, insideDriverP99 = p99, requests = readerAll.Count, answered = readerAnswered.Length, statuses = readerStatuses.Counts, reader5xx, slowest = OutsideReader.Where(s => s.Status != "429").OrderByDescending(s => s.Ms).Take(20) },
                cpu = new { server = serverCpu, idlePerSecond = IdleCpuPerSecond, msPerHostileRequest = cpuMsPerRequest, machineBusy, driver = driverCpu },
                kinds = kinds.ToDictionary(k => k.Name, k => new { clients = k.Concurrency, statuses = mix[k.Name].Counts, alone = slices.TryGetValue(k.Name, out var s) ? new { statuses = s.Statuses.Counts, cpuMs = double.IsFinite(s.CpuMs) ? s.CpuMs : (double?)null } : null }),
                log = new { fail = fails, crit = crits },
            });
            return b.ToString().TrimEnd();
        }

        /// <summary>fail:/crit: entries after <paramref name="offset"/>, and the five most frequent (category and the message's first words; ids and timings left out).</summary>
        private static (long Fail, long Crit, List<(string Entry, long Count)> Top) LogEntries(string? path, long offset)
        {
            if (path is null || !File.Exists(path))
            {
                return (0, 0, []);
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var lines = new StreamReader(stream);
            long fail = 0, crit = 0;
            var entries = new Dictionary<string, long>(StringComparer.Ordinal);
            string? category = null;
            while (lines.ReadLine() is { } line)
            {
                if (category is not null)
                {
                    var message = System.Text.RegularExpressions.Regex.Replace(line.Trim(), "\"[^\"]*\"|\\([0-9]+ms\\)|[0-9]+", "…");
                    var key = $"`{category}`: {(message.Length > 120 ? message[..120] + "…" : message)}";
                    entries[key] = entries.GetValueOrDefault(key) + 1;
                    category = null;
                }

                if (line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
                {
                    fail += line[0] == 'f' ? 1 : 0;
                    crit += line[0] == 'c' ? 1 : 0;
                    category = line[6..];
                }
            }

            return (fail, crit, entries.OrderByDescending(e => e.Value).Take(5).Select(e => (e.Key, e.Value)).ToList());
        }

        private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MiB");

        private static string Ms(double ms) => double.IsFinite(ms) ? string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms") : "n/a";

        private static string Cpu(double ms) => !double.IsFinite(ms) ? "–" : ms < 0.01 ? "< 0.01" : ms.ToString("F2", CultureInfo.InvariantCulture);
    }
}

/// <summary>Command line of the hostile mode (bench/hostile/run passes these).</summary>
internal sealed class HostileOptions
{
    public Uri Base { get; private set; } = new("http://127.0.0.1:5171");

    public int Pid { get; private set; }

    public int ClockTicks { get; private set; } = 100;

    public double Seconds { get; private set; } = 120;

    public double SliceSeconds { get; private set; } = 5;

    public double WarmupSeconds { get; private set; } = 5;

    public double BaselineSeconds { get; private set; } = 10;

    public double ReaderRate { get; private set; } = 5;

    public double MaxRate { get; private set; } = 100;

    public bool ReaderSameOrigin { get; private set; }

    /// <summary>The reader's source address (default 127.0.0.2; 127.0.0.1 shares the attackers' rate limits).</summary>
    public System.Net.IPAddress ReaderAddress { get; private set; } = System.Net.IPAddress.Parse("127.0.0.2");

    public string ContentRoot { get; private set; } = "src/FPbase.Web";

    public string? ServerLog { get; private set; }

    public string? ReportPath { get; private set; }

    public string? JsonPath { get; private set; }

    public HashSet<string>? Kinds { get; private set; }

    public static HostileOptions Parse(string[] args)
    {
        var o = new HostileOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--base": o.Base = new Uri(Next()); break;
                case "--pid": o.Pid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--clk-tck": o.ClockTicks = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": o.Seconds = Number(); break;
                case "--slice": o.SliceSeconds = Number(); break;
                case "--warmup": o.WarmupSeconds = Number(); break;
                case "--baseline": o.BaselineSeconds = Number(); break;
                case "--reader-rate": o.ReaderRate = Number(); break;
                case "--max-rate": o.MaxRate = Number(); break;
                case "--reader-same-origin": o.ReaderSameOrigin = true; break;
                case "--reader-address": o.ReaderAddress = System.Net.IPAddress.Parse(Next()); break;
                case "--content-root": o.ContentRoot = Next(); break;
                case "--server-log": o.ServerLog = Next(); break;
                case "--report": o.ReportPath = Next(); break;
                case "--json": o.JsonPath = Next(); break;
                case "--kinds":
                    o.Kinds = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    var unknown = o.Kinds.Except(HostileKind.All.Select(k => k.Name)).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new ArgumentException($"unknown kinds {string.Join(", ", unknown)} (known: {string.Join(", ", HostileKind.All.Select(k => k.Name))})");
                    }

                    break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        if (o.Pid <= 0)
        {
            throw new ArgumentException("--pid (the site's process) is required");
        }

        if (o.Seconds <= 0 || o.ReaderRate <= 0 || o.ClockTicks <= 0 || o.BaselineSeconds <= 0)
        {
            throw new ArgumentException("--seconds, --baseline, --reader-rate and --clk-tck must be positive");
        }

        return o;
    }
}
