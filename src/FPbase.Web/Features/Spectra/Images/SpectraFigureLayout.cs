namespace FPbase.Web.Features.Spectra.Images;

/// <summary>
/// The geometry shared by the SVG and PNG renderers: the plot area inside the figure, FPbase's y range
/// (-0.005 to 1.025) and the mapping from (wavelength, value) to pixels.
/// </summary>
internal sealed class SpectraFigureLayout
{
    private const double YMin = -0.005;
    private const double YMax = 1.025;

    public SpectraFigureLayout(SpectraPlot plot, SpectraFigureOptions options)
    {
        XMin = options.XMin ?? (plot.IsEmpty ? 400 : plot.Series.Min(s => s.MinWave));
        XMax = options.XMax ?? (plot.IsEmpty ? 700 : plot.Series.Max(s => s.MaxWave));
        if (XMax <= XMin)
        {
            XMax = XMin + 1;
        }

        Left = 12;
        Right = SpectraFigureOptions.Width - 12;
        Top = 6;
        Bottom = SpectraFigureOptions.Height - (options.XLabels ? 22 : 4);
    }

    public int XMin { get; }

    public int XMax { get; }

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double X(double wave) => Left + ((wave - XMin) / (XMax - XMin) * (Right - Left));

    public double Y(double value) => Bottom - ((value - YMin) / (YMax - YMin) * (Bottom - Top));

    /// <summary>The first wavelength of each multiple of <paramref name="step"/> inside the range.</summary>
    public IEnumerable<int> Ticks(int step)
    {
        for (var wave = (XMin + step - 1) / step * step; wave <= XMax; wave += step)
        {
            yield return wave;
        }
    }

    /// <summary>The points of a curve inside the x range (clipped to it), as pixel coordinates.</summary>
    public List<(double X, double Y)> Points(PlotSeries series)
    {
        var first = Math.Max(series.MinWave, XMin);
        var last = Math.Min(series.MaxWave, XMax);
        var points = new List<(double, double)>(Math.Max(last - first + 1, 0));
        for (var wave = first; wave <= last; wave++)
        {
            var value = series.Values[wave - series.MinWave];
            points.Add((X(wave), Y(float.IsFinite(value) ? Math.Clamp(value, -0.005f, 1.05f) : 0)));
        }

        return points;
    }
}
