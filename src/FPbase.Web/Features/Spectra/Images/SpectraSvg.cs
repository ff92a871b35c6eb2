using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace FPbase.Web.Features.Spectra.Images;

/// <summary>
/// Draws a spectra figure as SVG, on the server, from the stored 1 nm values: one path per spectrum,
/// filled in the state's colour at half opacity (or stroked when <c>fill=false</c>). Used inline on protein
/// pages and as <c>/spectra_img/{slug}.svg</c>. Built with LINQ to XML, so names are always escaped.
/// </summary>
public static class SpectraSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(SpectraPlot plot, SpectraFigureOptions options, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(options);
        var layout = new SpectraFigureLayout(plot, options);
        var root = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {SpectraFigureOptions.Width} {SpectraFigureOptions.Height}"),
            new XAttribute("width", SpectraFigureOptions.Width),
            new XAttribute("height", SpectraFigureOptions.Height),
            new XAttribute("class", "spectra-figure"),
            new XAttribute("role", "img"),
            new XAttribute("aria-label", $"Spectra of {plot.Title}"),
            new XElement(Svg + "title", $"{plot.Title} spectra"));
        if (id is not null)
        {
            root.Add(new XAttribute("id", id));
        }

        if (!options.Transparent)
        {
            root.Add(new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#fff")));
        }

        if (options.Grid)
        {
            root.Add(Grid(layout));
        }

        var curves = new XElement(Svg + "g", new XAttribute("class", "spectra"));
        foreach (var series in plot.Series)
        {
            curves.Add(Curve(layout, series, options.Fill));
        }

        root.Add(curves);
        if (options.XLabels)
        {
            root.Add(Axis(layout));
        }

        if (options.Title)
        {
            root.Add(Title(layout, plot));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Curve(SpectraFigureLayout layout, PlotSeries series, bool fill)
    {
        var points = layout.Points(series);
        var d = new StringBuilder(points.Count * 14);
        if (points.Count > 0)
        {
            var baseline = N(layout.Y(0));
            if (fill)
            {
                d.Append('M').Append(N(points[0].X)).Append(',').Append(baseline);
                foreach (var (x, y) in points)
                {
                    d.Append('L').Append(N(x)).Append(',').Append(N(y));
                }

                d.Append('L').Append(N(points[^1].X)).Append(',').Append(baseline).Append('Z');
            }
            else
            {
                for (var i = 0; i < points.Count; i++)
                {
                    d.Append(i == 0 ? 'M' : 'L').Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
                }
            }
        }

        return new XElement(Svg + "path",
            new XAttribute("class", $"spectrum spectrum-{series.Subtype}"),
            new XAttribute("data-spectrum", series.SpectrumId),
            new XAttribute("d", d.ToString()),
            new XAttribute("fill", fill ? series.Color : "none"),
            new XAttribute("fill-opacity", "0.5"),
            new XAttribute("stroke", series.Color),
            new XAttribute("stroke-width", fill ? "0.8" : "1.5"),
            new XElement(Svg + "title", $"{series.Label} {series.Subtype}"));
    }

    private static XElement Grid(SpectraFigureLayout layout)
    {
        var grid = new XElement(Svg + "g", new XAttribute("class", "grid"), new XAttribute("stroke", "gray"),
            new XAttribute("stroke-opacity", "0.15"), new XAttribute("stroke-width", "0.6"));
        foreach (var wave in layout.Ticks(10))
        {
            grid.Add(Line(layout.X(wave), layout.Top, layout.X(wave), layout.Bottom));
        }

        for (var tenth = 0; tenth <= 10; tenth++)
        {
            var y = layout.Y(tenth / 10.0);
            grid.Add(Line(layout.Left, y, layout.Right, y));
        }

        return grid;
    }

    private static XElement Axis(SpectraFigureLayout layout)
    {
        var axis = new XElement(Svg + "g", new XAttribute("class", "x-axis"), new XAttribute("font-family", "DejaVu Sans, sans-serif"),
            new XAttribute("font-size", "11"), new XAttribute("fill", "#333"), new XAttribute("text-anchor", "middle"));
        var line = Line(layout.Left, layout.Bottom, layout.Right, layout.Bottom);
        line.Add(new XAttribute("stroke", "#808080"), new XAttribute("stroke-width", "0.6"));
        axis.Add(line);
        foreach (var wave in layout.Ticks(50))
        {
            axis.Add(new XElement(Svg + "text", new XAttribute("x", N(layout.X(wave))), new XAttribute("y", N(layout.Bottom + 15)),
                wave.ToString(CultureInfo.InvariantCulture)));
        }

        return axis;
    }

    private static XElement Title(SpectraFigureLayout layout, SpectraPlot plot)
    {
        var x = N(layout.X(layout.XMin + 2));
        var title = new XElement(Svg + "g", new XAttribute("class", "title"), new XAttribute("font-family", "DejaVu Sans, sans-serif"),
            new XAttribute("fill", "#000"), new XAttribute("fill-opacity", "0.5"),
            new XElement(Svg + "text", new XAttribute("x", x), new XAttribute("y", N(layout.Y(0.97) + 18)), new XAttribute("font-size", "18"), plot.Title));
        var y = layout.Y(0.85) + 14;
        foreach (var line in plot.Info)
        {
            title.Add(new XElement(Svg + "text", new XAttribute("x", x), new XAttribute("y", N(y)), new XAttribute("font-size", "14"), line));
            y += 17;
        }

        return title;
    }

    private static XElement Line(double x1, double y1, double x2, double y2)
        => new(Svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)));

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
