using SkiaSharp;

namespace FPbase.Web.Features.Spectra.Images;

/// <summary>
/// Draws a spectra figure as PNG with SkiaSharp, with the same geometry as <see cref="SpectraSvg"/>
/// (840 × 210 pixels). Text uses the DejaVu Sans embedded in this assembly: SkiaSharp's Linux assets
/// find no system fonts, and the image must not depend on what the server has installed.
/// </summary>
public static class SpectraPng
{
    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    public static byte[] Render(SpectraPlot plot, SpectraFigureOptions options)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(options);
        var layout = new SpectraFigureLayout(plot, options);
        using var surface = SKSurface.Create(new SKImageInfo(SpectraFigureOptions.Width, SpectraFigureOptions.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(options.Transparent ? SKColors.Transparent : SKColors.White);

        if (options.Grid)
        {
            using var grid = Stroke(new SKColor(128, 128, 128, 38), 0.6f);
            foreach (var wave in layout.Ticks(10))
            {
                canvas.DrawLine((float)layout.X(wave), (float)layout.Top, (float)layout.X(wave), (float)layout.Bottom, grid);
            }

            for (var tenth = 0; tenth <= 10; tenth++)
            {
                var y = (float)layout.Y(tenth / 10.0);
                canvas.DrawLine((float)layout.Left, y, (float)layout.Right, y, grid);
            }
        }

        foreach (var series in plot.Series)
        {
            DrawCurve(canvas, layout, series, options.Fill);
        }

        if (options.XLabels)
        {
            using var axis = Stroke(new SKColor(128, 128, 128), 0.6f);
            canvas.DrawLine((float)layout.Left, (float)layout.Bottom, (float)layout.Right, (float)layout.Bottom, axis);
            using var font = new SKFont(Typeface.Value, 11);
            using var ink = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), IsAntialias = true };
            foreach (var wave in layout.Ticks(50))
            {
                canvas.DrawText(wave.ToString(System.Globalization.CultureInfo.InvariantCulture), (float)layout.X(wave), (float)layout.Bottom + 15, SKTextAlign.Center, font, ink);
            }
        }

        if (options.Title)
        {
            using var ink = new SKPaint { Color = new SKColor(0, 0, 0, 128), IsAntialias = true };
            var x = (float)layout.X(layout.XMin + 2);
            using var titleFont = new SKFont(Typeface.Value, 18);
            canvas.DrawText(plot.Title, x, (float)layout.Y(0.97) + 18, SKTextAlign.Left, titleFont, ink);
            using var infoFont = new SKFont(Typeface.Value, 14);
            var y = (float)layout.Y(0.85) + 14;
            foreach (var line in plot.Info)
            {
                canvas.DrawText(line, x, y, SKTextAlign.Left, infoFont, ink);
                y += 17;
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void DrawCurve(SKCanvas canvas, SpectraFigureLayout layout, PlotSeries series, bool fill)
    {
        var points = layout.Points(series);
        if (points.Count == 0)
        {
            return;
        }

        var color = SKColor.TryParse(series.Color, out var parsed) ? parsed : SKColors.Gray;
        using var builder = new SKPathBuilder();
        var baseline = (float)layout.Y(0);
        if (fill)
        {
            builder.MoveTo((float)points[0].X, baseline);
        }
        else
        {
            builder.MoveTo((float)points[0].X, (float)points[0].Y);
        }

        foreach (var (x, y) in points)
        {
            builder.LineTo((float)x, (float)y);
        }

        if (fill)
        {
            builder.LineTo((float)points[^1].X, baseline);
            builder.Close();
        }

        using var path = builder.Detach();
        if (fill)
        {
            using var paint = new SKPaint { Color = color.WithAlpha(128), Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawPath(path, paint);
        }

        using var stroke = Stroke(color, fill ? 0.8f : 1.5f);
        canvas.DrawPath(path, stroke);
    }

    private static SKPaint Stroke(SKColor color, float width)
        => new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(SpectraPng).Assembly.GetManifestResourceStream("FPbase.Web.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded font FPbase.Web.Fonts.DejaVuSans.ttf is missing.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        using var data = SKData.CreateCopy(bytes.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("SkiaSharp could not read the embedded DejaVu Sans.");
    }
}
