using System.Globalization;

namespace FPbase.Soak;

/// <summary>Command line of the checker (bench/soak/run passes these).</summary>
public sealed class SoakOptions
{
    /// <summary>The site's instances, e.g. <c>http://127.0.0.1:5191</c>. Loopback only.</summary>
    public List<Uri> Instances { get; } = [];

    public double Seconds { get; set; } = 60;

    /// <summary>How many proteins the writers change (split among the writer tasks).</summary>
    public int Proteins { get; set; } = 12;

    public int Writers { get; set; } = 4;

    public int Readers { get; set; } = 12;

    /// <summary>Pause between two writes of one writer task (ms).</summary>
    public int WritePauseMs { get; set; } = 120;

    /// <summary>Pause between two reads of one reader task (ms).</summary>
    public int ReadPauseMs { get; set; } = 2;

    /// <summary>The fault command (bench/soak/fault): called as <c>CMD NAME [ARG]</c>; empty: no faults.</summary>
    public string? FaultCommand { get; set; }

    /// <summary>Only these faults (comma-separated names); default all.</summary>
    public HashSet<string>? FaultFilter { get; set; }

    public string? FaultLog { get; set; }

    /// <summary>Where to write the JSON report (the same object as the last output line).</summary>
    public string? ReportPath { get; set; }

    public int RequestTimeoutMs { get; set; } = 10_000;

    /// <summary>Base addresses whose <c>/metrics</c> are scraped during the run (each instance itself, not through Varnish).</summary>
    public List<Uri> MetricsTargets { get; } = [];

    /// <summary>Called with the editor's user name to make it staff (scraping /metrics needs it): bench/soak/grant-staff.</summary>
    public string? GrantStaffCommand { get; set; }

    /// <summary>Whether edge purges are expected to move (bench/soak/run --edge).</summary>
    public bool Edge { get; set; }

    public static SoakOptions Parse(string[] args)
    {
        var o = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--instance":
                    o.Instances.Add(new Uri(Next()));
                    break;
                case "--seconds":
                    o.Seconds = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--proteins":
                    o.Proteins = NextInt();
                    break;
                case "--writers":
                    o.Writers = NextInt();
                    break;
                case "--readers":
                    o.Readers = NextInt();
                    break;
                case "--write-pause-ms":
                    o.WritePauseMs = NextInt();
                    break;
                case "--read-pause-ms":
                    o.ReadPauseMs = NextInt();
                    break;
                case "--fault-cmd":
                    o.FaultCommand = Next();
                    break;
                case "--faults":
                    o.FaultFilter = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    break;
                case "--fault-log":
                    o.FaultLog = Next();
                    break;
                case "--report":
                    o.ReportPath = Next();
                    break;
                case "--timeout-ms":
                    o.RequestTimeoutMs = NextInt();
                    break;
                case "--metrics":
                    o.MetricsTargets.Add(new Uri(Next()));
                    break;
                case "--grant-staff-cmd":
                    o.GrantStaffCommand = Next();
                    break;
                case "--edge":
                    o.Edge = true;
                    break;
                default:
                    throw new ArgumentException("unknown argument " + args[i]);
            }
        }

        if (o.Instances.Count == 0)
        {
            throw new ArgumentException("at least one --instance URL");
        }

        if (o.MetricsTargets.Count > 0 && o.GrantStaffCommand is null)
        {
            throw new ArgumentException("--metrics needs --grant-staff-cmd (only staff read /metrics)");
        }

        foreach (var u in o.Instances.Concat(o.MetricsTargets))
        {
            if (!u.IsLoopback)
            {
                throw new ArgumentException($"{u} is not a loopback address: the checker talks to 127.0.0.1 only");
            }
        }

        if (o.Seconds <= 0 || o.Proteins < 1 || o.Writers < 1 || o.Readers < 1)
        {
            throw new ArgumentException("--seconds, --proteins, --writers and --readers must be positive");
        }

        o.Writers = Math.Min(o.Writers, o.Proteins);
        return o;
    }
}
