namespace FPbase.Data.Domain;

/// <summary>
/// FPbase's <c>wave_to_hex</c>: Dan Bruton's wavelength-to-RGB approximation, with wavelengths at or
/// above 520 nm shifted by +40 nm first (so greens and reds look like they do on fpbase.org).
/// </summary>
public static class WaveToHex
{
    /// <summary>Returns <c>#rrggbb</c>, or <c>#000</c> for a missing/zero wavelength (as FPbase does).</summary>
    public static string Convert(double? wavelength, double gamma = 1)
    {
        if (wavelength is not { } w || w == 0)
        {
            return "#000";
        }

        if (w >= 520)
        {
            w += 40;
        }

        double r, g, b;
        if (w < 380)
        {
            (r, g, b) = (0.05, 0.0, 0.15);
        }
        else if (w <= 440)
        {
            var attenuation = 0.3 + 0.7 * (w - 380) / (440 - 380);
            r = Math.Pow(-(w - 440) / (440 - 380) * attenuation, gamma);
            g = 0.0;
            b = Math.Pow(1.0 * attenuation, gamma);
        }
        else if (w <= 490)
        {
            r = 0.0;
            g = Math.Pow((w - 440) / (490 - 440), gamma);
            b = 1.0;
        }
        else if (w <= 510)
        {
            r = 0.0;
            g = 1.0;
            b = Math.Pow(-(w - 510) / (510 - 490), gamma);
        }
        else if (w <= 580)
        {
            r = Math.Pow((w - 510) / (580 - 510), gamma);
            g = 1.0;
            b = 0.0;
        }
        else if (w <= 645)
        {
            r = 1.0;
            g = Math.Pow(-(w - 645) / (645 - 580), gamma);
            b = 0.0;
        }
        else if (w <= 750)
        {
            var attenuation = 0.3 + 0.7 * (770 - w) / (770 - 645);
            r = Math.Pow(1.0 * attenuation, gamma);
            g = 0.0;
            b = 0.0;
        }
        else
        {
            (r, g, b) = (0.18, 0.0, 0.05);
        }

        return $"#{Channel(r):x2}{Channel(g):x2}{Channel(b):x2}";
    }

    // Python's int() truncates toward zero.
    private static int Channel(double v) => (int)Math.Truncate(v * 255);
}
