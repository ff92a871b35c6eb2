using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

// The Markdown report of one hostile run: goals, figures, the per-kind and per-route tables.
internal static partial class Hostile
{
    private sealed class Report(
        HostileOptions o,
        SiteSettings settings,
        HostileData data,
        IReadOnlyList<HostileKind> kinds,
        HostileContext context,
        Dictionary<string, Tally> mix,
        Dictionary<string, (long Requests, double CpuMs, Tally Statuses, long RssBefore, long RssAfter)> slices,
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
            b.AppendLine("| kind | clients | mix: requests | mix: by status | alone: by status | alone: server CPU ms/request | alone: resident after (change) |");
            b.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var kind in kinds)
            {
                var t = mix[kind.Name];
                var alone = slices.TryGetValue(kind.Name, out var s) ? (s.Statuses.Describe(), Cpu(s.CpuMs), s.RssAfter > 0 ? $"{MiB(s.RssAfter)} ({SignedMiB(s.RssAfter - s.RssBefore)})" : "server exited") : ("–", "–", "–");
                b.AppendLine(inv, $"| {kind.Name} | {kind.Concurrency} | {t.Total:N0} | {t.Describe()} | {alone.Item1} | {alone.Item2} | {alone.Item3} |");
            }

            b.AppendLine(inv, $"| **all** | {kinds.Sum(k => k.Concurrency)} | {hostileRequests:N0} | | | mix: {Cpu(cpuMsPerRequest)} | |");
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
                kinds = kinds.ToDictionary(k => k.Name, k => new { clients = k.Concurrency, statuses = mix[k.Name].Counts, alone = slices.TryGetValue(k.Name, out var s) ? new { statuses = s.Statuses.Counts, cpuMs = double.IsFinite(s.CpuMs) ? s.CpuMs : (double?)null, rssBefore = s.RssBefore, rssAfter = s.RssAfter } : null }),
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

                // "fail: Category[id]", after the timestamp when the configuration asks for one (Production does).
                if (LogEntry.Match(line) is { Success: true } entry)
                {
                    fail += entry.Groups["level"].Value == "fail" ? 1 : 0;
                    crit += entry.Groups["level"].Value == "crit" ? 1 : 0;
                    category = entry.Groups["category"].Value;
                }
            }

            return (fail, crit, entries.OrderByDescending(e => e.Value).Take(5).Select(e => (e.Key, e.Value)).ToList());
        }

        private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MiB");

        private static readonly System.Text.RegularExpressions.Regex LogEntry = new("^(?:[0-9][0-9T:.+-]*Z? ?)?(?<level>fail|crit): (?<category>.*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static string SignedMiB(long bytes) => (bytes >= 0 ? "+" : "−") + MiB(Math.Abs(bytes));

        private static string Ms(double ms) => double.IsFinite(ms) ? string.Create(CultureInfo.InvariantCulture, $"{ms:F1} ms") : "n/a";

        private static string Cpu(double ms) => !double.IsFinite(ms) ? "–" : ms < 0.01 ? "< 0.01" : ms.ToString("F2", CultureInfo.InvariantCulture);
    }
}
