using FPbase.Caching.Diagnostics;
using System.Globalization;
using System.Text;

namespace FPbase.Web.Features.Staff.CacheDashboard;

/// <summary>
/// The dashboard's two figures as inline SVG, drawn on the server (no script): the share of answers that cost no build
/// (304s and stored payloads) and the 304 share, per interval over the last hour; and per interval the bytes sent
/// against what full uncompressed 200s would have sent. Intervals with no answers leave a gap; the no-build line is
/// drawn wider than the 304 line, which it bounds from above, so that both show where they coincide.
/// </summary>
internal static class ActivityChart
{
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 10;
    private const int Bottom = 26;

    public static string Shares(IReadOnlyList<ActivityInterval> intervals, DateTimeOffset now)
    {
        var svg = Frame("shares-svg", "Hit rate and 304 share, last hour", now, "100%", "50%");
        Line(svg, "hit-rate", "#2a9d55", 5, intervals, now, i => i.Total == 0 ? null : (double)i.Hits / i.Total);
        Line(svg, "not-modified-share", "#1f77b4", 2, intervals, now, i => i.Total == 0 ? null : (double)i.Count(CacheMetrics.Outcomes.NotModified) / i.Total);
        Legend(svg, ("#2a9d55", "no build (304 or stored payload)"), ("#1f77b4", "304"));
        return svg.Append("</svg>").ToString();
    }

    public static string Bytes(IReadOnlyList<ActivityInterval> intervals, DateTimeOffset now)
    {
        var max = Math.Max(1, intervals.Max(i => Math.Max(i.IdentityBytes, i.PayloadBytes)));
        var svg = Frame("bytes-svg", "Bytes sent against full 200s, last hour", now, Size(max), Size(max / 2));
        var barWidth = Math.Max(1.0, (Width - Left - Right) / (double)CacheActivityRecorder.Intervals - 0.5);
        foreach (var interval in intervals.Where(i => i.IdentityBytes > 0 || i.PayloadBytes > 0))
        {
            var x = X(interval.Start, now);
            Bar(svg, "full", "#d9d9d9", x, barWidth, interval.IdentityBytes / (double)max);
            Bar(svg, "sent", "#e07b39", x, barWidth, interval.PayloadBytes / (double)max);
        }

        Legend(svg, ("#d9d9d9", "a full uncompressed 200 each"), ("#e07b39", "sent"));
        return svg.Append("</svg>").ToString();
    }

    public static string Size(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
    };

    private static StringBuilder Frame(string id, string title, DateTimeOffset now, string topLabel, string middleLabel)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{title}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{title}</title>");
        var (top, middle, bottom) = (Y(1), Y(0.5), Y(0));
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"grid\" stroke=\"#e4e4e4\"><line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{top}\" y2=\"{top}\"/><line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{middle}\" y2=\"{middle}\"/><line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{bottom}\" y2=\"{bottom}\" stroke=\"#999\"/></g>");
        svg.Append(CultureInfo.InvariantCulture, $"<g font-size=\"10\" fill=\"#555\" text-anchor=\"end\"><text x=\"{Left - 4}\" y=\"{top + 4}\">{topLabel}</text><text x=\"{Left - 4}\" y=\"{middle + 4}\">{middleLabel}</text><text x=\"{Left - 4}\" y=\"{bottom + 4}\">0</text></g>");
        svg.Append("<g font-size=\"10\" fill=\"#555\" text-anchor=\"middle\">");
        for (var minutes = 60; minutes >= 0; minutes -= 10)
        {
            var x = X(now - TimeSpan.FromMinutes(minutes), now);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - 8}\">{(minutes == 0 ? "now" : $"−{minutes} min")}</text>");
        }

        return svg.Append("</g>");
    }

    private static void Line(StringBuilder svg, string name, string color, int width, IReadOnlyList<ActivityInterval> intervals, DateTimeOffset now, Func<ActivityInterval, double?> value)
    {
        // One polyline per run of intervals with answers, so that silence is a gap, not a slope.
        var runs = new List<List<string>> { new() };
        foreach (var interval in intervals)
        {
            if (value(interval) is { } v)
            {
                runs[^1].Add(string.Create(CultureInfo.InvariantCulture, $"{X(interval.Start + (CacheActivityRecorder.Interval / 2), now):0.#},{Y(v):0.#}"));
            }
            else if (runs[^1].Count > 0)
            {
                runs.Add([]);
            }
        }

        var points = runs.Sum(r => r.Count);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{name}\" data-points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\">");
        foreach (var run in runs.Where(r => r.Count > 0))
        {
            svg.Append(run.Count == 1
                ? $"<circle cx=\"{run[0].Split(',')[0]}\" cy=\"{run[0].Split(',')[1]}\" r=\"{width + 1}\" fill=\"{color}\"/>"
                : $"<polyline points=\"{string.Join(' ', run)}\"/>");
        }

        svg.Append("</g>");
    }

    private static void Bar(StringBuilder svg, string name, string color, double x, double width, double fraction)
    {
        var y = Y(fraction);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{name}\" x=\"{x:0.##}\" y=\"{y:0.#}\" width=\"{width:0.##}\" height=\"{Y(0) - y:0.#}\" fill=\"{color}\"/>");
    }

    private static void Legend(StringBuilder svg, params (string Color, string Label)[] entries)
    {
        var x = Left + 8.0;
        foreach (var (color, label) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Top + 2}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{x + 14}\" y=\"{Top + 11}\" font-size=\"11\" fill=\"#333\">{label}</text>");
            x += 24 + (label.Length * 6);
        }
    }

    private static double X(DateTimeOffset at, DateTimeOffset now)
    {
        var span = CacheActivityRecorder.Interval * CacheActivityRecorder.Intervals;
        var fraction = Math.Clamp(1 - ((now - at) / span), 0, 1);
        return Left + (fraction * (Width - Left - Right));
    }

    private static double Y(double fraction) => Top + ((1 - Math.Clamp(fraction, 0, 1)) * (Height - Top - Bottom));
}
