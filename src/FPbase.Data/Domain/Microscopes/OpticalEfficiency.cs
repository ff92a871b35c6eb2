using FPbase.Data.Domain.Fret;

namespace FPbase.Data.Domain.Microscopes;

/// <summary>
/// FPbase's efficiency of a fluorophore through an optical config (its <c>oc_efficiency_report</c>), on the 1 nm grid
/// every stored spectrum uses:
/// <list type="bullet">
/// <item>the config's excitation spectrum is the product of its light (a laser is a 1 nm triangle at its line), its
/// beamsplitters as the excitation sees them (reflected, 1 − T, unless the placement reflects the emission, in which case
/// the excitation is transmitted) and its excitation filters (a reflecting placement as 1 − T); its emission spectrum the product of its camera, its
/// beamsplitters as the emission sees them and its emission filters (a reflecting placement as 1 − T);</item>
/// <item>excitation efficiency = area(config ex × fluor ex) / area(config ex); broad excitation efficiency = the
/// same area / area(fluor ex); emission (collection) efficiency = area(config em × fluor em) / area(fluor em), each
/// rounded to 3 decimals, by the trapezoid rule over the range where all factors have values;</item>
/// <item>brightness = em × ex × EC × QY / 1000, rounded to 3 decimals, when both efficiencies are non-zero and the
/// fluor has an EC and a QY.</item>
/// </list>
/// </summary>
public static class OpticalEfficiency
{
    /// <summary>A laser line as FPbase draws it: 0 at line − 1, 1 at the line, 0 at line + 1.</summary>
    public static GridSpectrum Laser(int line) => new(line - 1, [0f, 1f, 0f]);

    /// <summary>1 − T at every wavelength (a filter used in reflection).</summary>
    public static GridSpectrum Invert(GridSpectrum spectrum)
        => new(spectrum.MinWave, Array.ConvertAll(spectrum.Values, v => 1f - v));

    /// <summary>The product over the range all spectra share; null for no spectra, empty when they do not overlap.</summary>
    public static GridSpectrum? Product(IReadOnlyList<GridSpectrum> spectra)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        if (spectra.Count == 0)
        {
            return null;
        }

        var min = spectra.Max(s => s.MinWave);
        var max = spectra.Min(s => s.MaxWave);
        var values = new float[Math.Max(0, max - min + 1)];
        for (var i = 0; i < values.Length; i++)
        {
            var product = 1.0;
            foreach (var s in spectra)
            {
                product *= s.Values[min + i - s.MinWave];
            }

            values[i] = (float)product;
        }

        return new GridSpectrum(min, values);
    }

    /// <summary>The trapezoid-rule area at 1 nm steps.</summary>
    public static double Area(GridSpectrum spectrum)
    {
        var area = 0.0;
        for (var i = 0; i + 1 < spectrum.Values.Length; i++)
        {
            area += (spectrum.Values[i] + (double)spectrum.Values[i + 1]) / 2;
        }

        return area;
    }

    /// <summary>One fluor through one config; <paramref name="configEx"/> or <paramref name="configEm"/> null when that path has no component.</summary>
    public static Efficiency Of(GridSpectrum? configEx, GridSpectrum? configEm, GridSpectrum? fluorEx, GridSpectrum? fluorEm, int? extCoeff, double? qy)
    {
        double? em = null, ex = null, exBroad = null;
        if (fluorEm is { } fem && configEm is { } cem && Area(fem) > 0)
        {
            em = Math.Round(Area(Product([cem, fem])!.Value) / Area(fem), 3);
        }

        if (fluorEx is { } fex && configEx is { } cex)
        {
            var overlap = Area(Product([cex, fex])!.Value);
            var configArea = Area(cex);
            var fluorArea = Area(fex);
            ex = configArea > 0 ? Math.Round(overlap / configArea, 3) : null;
            exBroad = fluorArea > 0 ? Math.Round(overlap / fluorArea, 3) : null;
        }

        double? brightness = em is > 0 && ex is > 0 && extCoeff is { } ec && ec != 0 && qy is { } q && q != 0
            ? Math.Round(em.Value * ex.Value * ec * q / 1000, 3)
            : null;
        return new Efficiency(ex, exBroad, em, brightness);
    }
}

/// <summary>A fluor's efficiencies through a config (fractions 0–1) and its brightness there; null where not computable.</summary>
public readonly record struct Efficiency(double? Excitation, double? BroadExcitation, double? Emission, double? Brightness);
