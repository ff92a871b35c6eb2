using System.Diagnostics;

namespace FPbase.Soak;

/// <summary>One injected fault: from the moment its command started to the moment it returned (the fault is over).</summary>
public sealed record FaultEvent(string Name, string? Argument, long StartedAt, long EndedAt, int ExitCode);

/// <summary>
/// Injects the faults one after another through the fault command (bench/soak/fault NAME [ARG]), which returns
/// only when the fault is over and the broken part is back (the site recovers on its own). Spread over the run so
/// that each fault happens at least once in 60 s and several times in a long run; none starts in the last seconds.
/// </summary>
public sealed class FaultScheduler(SoakOptions options, Stats stats)
{
    /// <summary>The cycle, in order. <c>instance-kill</c> takes the instance index (alternating).</summary>
    public static readonly string[] All =
    [
        "redis-kill", "redis-flushall", "redis-pause", "instance-kill", "redis-sleep", "redis-oom",
        "redis-readonly", "sentinel-failover", "postgres-restart",
    ];

    public List<FaultEvent> Events { get; } = [];

    public async Task RunAsync(long start, long deadline, CancellationToken hardStop)
    {
        if (string.IsNullOrEmpty(options.FaultCommand))
        {
            return;
        }

        var cycle = All.Where(f => options.FaultFilter is null || options.FaultFilter.Contains(f)).ToArray();
        if (cycle.Length == 0)
        {
            return;
        }

        // Warm-up before the first fault, quiet tail after the last; starts spread evenly between (at least 6 s apart,
        // at most 25 s in a long run), and never before the previous fault has been over for 1.5 s.
        var warmup = Clock.FromMs(Math.Min(5000, options.Seconds * 1000 / 12));
        var tail = Clock.FromMs(Math.Min(6000, options.Seconds * 1000 / 10));
        var span = deadline - tail - (start + warmup);
        var spacing = Math.Clamp(span / cycle.Length, Clock.FromMs(4500), Clock.FromMs(25_000));
        var next = start + warmup;
        var kills = 0;
        for (var i = 0; !hardStop.IsCancellationRequested; i++)
        {
            if (next > deadline - tail)
            {
                break;
            }

            await DelayUntil(next, hardStop);
            var name = cycle[i % cycle.Length];
            string? arg = name == "instance-kill" ? (kills++ % options.Instances.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            var began = Clock.Now;
            var code = await RunCommandAsync(name, arg);
            var ended = Clock.Now;
            Events.Add(new FaultEvent(name, arg, began, ended, code));
            Console.WriteLine($"soak: t={Clock.ToMs(began - start) / 1000:0.0}s fault {name}{(arg is null ? "" : " " + arg)} took {Clock.ToMs(ended - began) / 1000:0.0}s{(code == 0 ? "" : $" FAILED (exit {code})")}");
            next = Math.Max(next + spacing, ended + Clock.FromMs(1500));
        }
    }

    private async Task<int> RunCommandAsync(string name, string? arg)
    {
        var psi = new ProcessStartInfo(options.FaultCommand!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(name);
        if (arg is not null)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + options.FaultCommand);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Bounded: a fault that does not return within 2 minutes is killed (and reported as failed).
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = $"--- {DateTime.UtcNow:HH:mm:ss.fff} {name} {arg} (exit {process.ExitCode})\n{await output}{await error}";
        if (options.FaultLog is { } path)
        {
            await File.AppendAllTextAsync(path, log);
        }

        if (process.ExitCode != 0)
        {
            stats.Sample($"fault {name} failed: {(await error).Trim()}");
        }

        return process.ExitCode;
    }

    private static async Task DelayUntil(long when, CancellationToken ct)
    {
        var ms = Clock.ToMs(when - Clock.Now);
        if (ms > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(ms), ct);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
