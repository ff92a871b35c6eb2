using System.Globalization;

/// <summary>
/// The site's process as Linux sees it, from /proc: resident memory (VmRSS of /proc/PID/status) and CPU time
/// (utime + stime of /proc/PID/stat, in clock ticks); and the machine's busy and total ticks (/proc/stat).
/// </summary>
internal sealed class ServerProcess(int pid, int clockTicks)
{
    public int Pid => pid;

    public bool IsAlive => File.Exists($"/proc/{pid}/stat");

    /// <summary>VmRSS in bytes.</summary>
    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS in /proc/{pid}/status");
    }

    /// <summary>User plus system CPU seconds the process has used so far (all its threads).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        // From there: state (3), ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime (14), stime (15).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / (double)clockTicks;
    }

    /// <summary>The machine's CPU ticks so far, all cores: busy (everything but idle and iowait) and total.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (var i = 1; i <= Math.Min(8, cpu.Length - 1); i++)
        {
            total += long.Parse(cpu[i], CultureInfo.InvariantCulture);
        }

        var idle = long.Parse(cpu[4], CultureInfo.InvariantCulture) + long.Parse(cpu[5], CultureInfo.InvariantCulture);
        return (total - idle, total);
    }
}
