using System.Numerics;
using System.Runtime.InteropServices;

namespace FPbase.Data.Domain.Fret;

/// <summary>
/// FPbase's Förster maths (<c>calculate_spectral_overlap</c> and <c>forsterDist</c> in
/// <c>backend/proteins/util/helpers.py</c>), on spectra that share the 1 nm grid:
/// <list type="bullet">
/// <item>J = Σ λ⁴ · A(λ) · EC · D(λ) / Σ D, over the wavelengths both spectra cover, where D is the donor's
/// emission (normalized to unit area by the sum over all of its points) and A the acceptor's absorption (or
/// excitation) spectrum scaled to its extinction coefficient EC; M⁻¹ cm⁻¹ nm⁴.</item>
/// <item>R0 = 0.2108 · (QY_donor · κ² · n⁻⁴ · J)^(1/6) Å, with κ² = 2/3 and n = 1.329.</item>
/// </list>
/// </summary>
public static class Forster
{
    /// <summary>FPbase's refractive index of the medium, <c>n=1.329</c>.</summary>
    public const double RefractiveIndex = 1.329;

    /// <summary>FPbase's orientation factor, <c>k=2 / 3</c> (freely rotating dipoles).</summary>
    public const double KappaSquared = 2.0 / 3.0;

    /// <summary>The constant that gives R0 in Å for J in M⁻¹ cm⁻¹ nm⁴.</summary>
    public const double Prefactor = 0.2108;

    /// <summary>FPbase lists J in units of 10^15 M⁻¹ cm⁻¹ nm⁴ (<c>overlap * 1e-15</c>).</summary>
    public const double OverlapUnit = 1e15;

    /// <summary>
    /// The overlap integral J (M⁻¹ cm⁻¹ nm⁴) of a donor's emission and an acceptor's absorption, or null when it is
    /// undefined (the spectra overlap but the donor's emission sums to zero, where FPbase divides by zero).
    /// </summary>
    public static double? OverlapIntegral(GridSpectrum donorEmission, GridSpectrum acceptorAbsorption, int extCoeff)
    {
        var start = Math.Max(donorEmission.MinWave, acceptorAbsorption.MinWave);
        var end = Math.Min(donorEmission.MaxWave, acceptorAbsorption.MaxWave);
        if (start > end)
        {
            return 0;
        }

        var area = Sum(donorEmission.Values);
        if (area == 0)
        {
            return null;
        }

        var d = donorEmission.Values.AsSpan(start - donorEmission.MinWave, end - start + 1);
        var a = acceptorAbsorption.Values.AsSpan(start - acceptorAbsorption.MinWave, end - start + 1);
        var sum = 0.0;
        for (var i = 0; i < d.Length; i++)
        {
            double wave = start + i;
            var w2 = wave * wave;
            sum += w2 * w2 * a[i] * d[i];
        }

        return sum * extCoeff / area;
    }

    /// <summary>
    /// R0 in Å for a donor quantum yield and an overlap integral J (M⁻¹ cm⁻¹ nm⁴). A negative J (spectra with
    /// negative values) gives what FPbase's <c>pow(..., 1/6).real</c> gives: the real part of the principal root.
    /// </summary>
    public static double Radius(double donorQy, double overlap)
    {
        var p = donorQy * KappaSquared * Math.Pow(RefractiveIndex, -4) * overlap;
        return p >= 0
            ? Prefactor * Math.Pow(p, 1.0 / 6)
            : Prefactor * Math.Pow(-p, 1.0 / 6) * Math.Cos(Math.PI / 6);
    }

    /// <summary>
    /// One pair on demand, for any two proteins (the calculator's picker; the list also requires what
    /// <see cref="ForsterList"/> says): null unless the donor has an emission spectrum and a non-zero QY and the
    /// acceptor an absorption or excitation spectrum and a non-zero extinction coefficient.
    /// </summary>
    public static ForsterPair? Pair(FretFluor donor, FretFluor acceptor)
    {
        ArgumentNullException.ThrowIfNull(donor);
        ArgumentNullException.ThrowIfNull(acceptor);
        if (donor.Emission is not { } emission || donor.Protein.Qy is not { } qy || qy == 0
            || acceptor.Absorption is not { } absorption || acceptor.Protein.ExtCoeff is not { } ec || ec == 0
            || OverlapIntegral(emission, absorption, ec) is not { } j)
        {
            return null;
        }

        return Row(donor.Protein, acceptor.Protein, j, Radius(qy, j));
    }

    /// <summary>A pair with FPbase's rounding of its columns.</summary>
    internal static ForsterPair Row(FretProtein donor, FretProtein acceptor, double overlap, double radius)
        => new(donor, acceptor, Round2(overlap / OverlapUnit), Round2(radius), acceptor.Qy is { } aqy ? Round2(radius * aqy) : null);

    /// <summary>Python's <c>round(x, 2)</c> (half to even, on the decimal value).</summary>
    internal static double Round2(double value)
        => double.IsFinite(value) && Math.Abs(value) < 1e15 ? (double)Math.Round((decimal)value, 2, MidpointRounding.ToEven) : value;

    /// <summary>The sum of a spectrum's values, in double.</summary>
    internal static double Sum(ReadOnlySpan<float> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>Σ x[i]·y[i], vectorized.</summary>
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var i = 0;
        var acc = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            for (var k = 0; k < vx.Length; k++)
            {
                acc += vx[k] * vy[k];
            }

            i = vx.Length * Vector<double>.Count;
        }

        var sum = Vector.Sum(acc);
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
