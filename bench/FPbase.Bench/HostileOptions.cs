using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

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
