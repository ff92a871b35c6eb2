using System.Diagnostics;

namespace FPbase.Soak;

/// <summary>One injected fault: from the moment its command started to the moment it returned (the fault is over).</summary>
public sealed record FaultEvent(string Name, string? Argument, long StartedAt, long EndedAt, int ExitCode);

/// <summary>
/// Injects the faults one after another through the fault command (bench/soak/fault NAME [ARG]), which returns
/// only when the fault is over and the broken part is back (the site recovers on its own). Spread over the run so
/// that each fault happens at least once in 60 s and several times in a long run; none starts in the last 8 seconds.
/// Every fault of the first cycle is injected, however long the earlier ones took: the run's end moves later
/// (<see cref="RunDeadline"/>) to give each its typical time and the last one its quiet tail.
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

    public async Task RunAsync(RunDeadline end, CancellationToken hardStop)
    {
        var start = end.Start;
        var deadline = end.At;
        if (string.IsNullOrEmpty(options.FaultCommand))
        {
            return;
        }

        var cycle = All.Where(f => options.FaultFilter is null || options.FaultFilter.Contains(f)).ToArray();
        if (cycle.Length == 0)
        {
            return;
        }

        // Warm-up before the first fault, a quiet tail after the last. The first cycle must fit in a 60 s run: the gap
        // after each fault is what is left once the remaining faults' typical durations are set aside, shared evenly
        // (at least 1 s, so the site recovers between two). Later cycles start every `spacing` (at most 25 s apart).
        var warmup = Clock.FromMs(Math.Min(4000, options.Seconds * 1000 / 15));
        // The tail leaves the last fault (typically 3-5 s) some quiet reads after it, before the deadline.
        var tail = Clock.FromMs(Math.Min(8000, options.Seconds * 1000 / 7.5));
        var lastStart = deadline - tail;
        var spacing = Math.Clamp((lastStart - (start + warmup)) / cycle.Length, Clock.FromMs(4500), Clock.FromMs(25_000));
        var minGap = Clock.FromMs(1000);
        var next = start + warmup;
        var kills = 0;
        for (var i = 0; !hardStop.IsCancellationRequested; i++)
        {
            // Later cycles keep the full quiet tail; the first is never cut short (a slow restart must not leave a
            // fault out): the run lasts long enough for the next fault's typical time and the quiet tail after it.
            var name = cycle[i % cycle.Length];
            if (i >= cycle.Length && next > lastStart)
            {
                break;
            }

            if (i < cycle.Length)
            {
                end.ExtendTo(next + Clock.FromMs(Typical(name)) + tail);
            }

            await DelayUntil(next, hardStop);
            string? arg = name == "instance-kill" ? (kills++ % options.Instances.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            var began = Clock.Now;
            var code = await RunCommandAsync(name, arg);
            var ended = Clock.Now;
            Events.Add(new FaultEvent(name, arg, began, ended, code));
            if (i < cycle.Length)
            {
                end.ExtendTo(ended + tail);
            }

            Console.WriteLine($"soak: t={Clock.ToMs(began - start) / 1000:0.0}s fault {name}{(arg is null ? "" : " " + arg)} took {Clock.ToMs(ended - began) / 1000:0.0}s{(code == 0 ? "" : $" FAILED (exit {code})")}");
            if (i + 1 < cycle.Length)
            {
                var rest = cycle[(i + 1)..];
                var budget = lastStart - ended - Clock.FromMs(rest.Sum(Typical) - Typical(rest[^1]));
                next = ended + Math.Clamp(budget / rest.Length, minGap, spacing);
            }
            else
            {
                next = Math.Max(began + spacing, ended + minGap);
            }
        }
    }

    /// <summary>How long a fault usually takes on our 2-core machines (ms), for the first cycle's schedule.</summary>
    private static double Typical(string fault) => fault switch
    {
        "redis-kill" => 2000,
        "redis-flushall" => 300,
        "redis-pause" => 5600,
        "instance-kill" => 13_000,
        "redis-sleep" => 3200,
        "redis-oom" => 2400,
        "redis-readonly" => 2600,
        "sentinel-failover" => 4000,
        "postgres-restart" => 3000,
        _ => 3000,
    };

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
