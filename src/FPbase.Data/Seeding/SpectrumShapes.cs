namespace FPbase.Data.Seeding;

/// <summary>Synthetic but realistic-looking spectra on a 1 nm grid (values rounded to 4 decimals).</summary>
internal static class SpectrumShapes
{
    public const double Cutoff = 0.001;

    /// <summary>Excitation/absorption: blue-tailed skewed main band with a vibronic shoulder, peak exactly at
    /// <paramref name="peak"/>; absorption spectra also rise towards the UV.</summary>
    public static (int MinWave, float[] Values) Excitation(Random rng, int peak, bool absorption)
    {
        var width = Uniform(rng, 18, 34);
        var skew = -Uniform(rng, 1.5, 4);
        var shoulderOffset = Uniform(rng, 25, 40);
        var shoulder = Uniform(rng, 0.15, 0.4);
        var uv = absorption ? Uniform(rng, 0.1, 0.35) : Uniform(rng, 0, 0.12);
        return Build(peak, 300, 900, x =>
            SkewNormal(x, peak + width * 0.6, width, skew)
            + shoulder * Gaussian(x, peak - shoulderOffset, width * 0.9)
            + uv * Math.Exp(-(x - 300) / 45.0) * Logistic((peak - 20 - x) / 8.0));
    }

    /// <summary>Emission: red-tailed skewed band with a red shoulder, peak exactly at <paramref name="peak"/>.</summary>
    public static (int MinWave, float[] Values) Emission(Random rng, int peak)
    {
        var width = Uniform(rng, 16, 32);
        var skew = Uniform(rng, 1.5, 4);
        var shoulder = Uniform(rng, 0.2, 0.45);
        var shoulderOffset = Uniform(rng, 25, 45);
        return Build(peak, 300, 900, x =>
            SkewNormal(x, peak - width * 0.6, width, skew)
            + shoulder * Gaussian(x, peak + shoulderOffset, width * 1.2));
    }

    /// <summary>Two-photon cross-section (normalized), 700–1100 nm, main band at <paramref name="peak"/> and
    /// a shorter-wavelength band typical of fluorescent proteins.</summary>
    public static (int MinWave, float[] Values) TwoPhoton(Random rng, int peak)
    {
        var width = Uniform(rng, 30, 60);
        var second = Uniform(rng, 0.3, 0.9);
        var secondPeak = Math.Max(705, peak - Uniform(rng, 120, 220));
        return Build(peak, 700, 1100, x =>
            Gaussian(x, peak, width) + second * Gaussian(x, secondPeak, width * 0.8));
    }

    /// <summary>Band-pass transmission (Butterworth-like flat top with ripple), full 300–900 nm.</summary>
    public static (int MinWave, float[] Values) Bandpass(Random rng, int center, int width)
    {
        var tmax = Uniform(rng, 0.9, 0.98);
        var order = rng.Next(8, 25);
        var ripple = Uniform(rng, 0.005, 0.02);
        var phase = Uniform(rng, 0, Math.PI);
        return Full(300, 900, x =>
        {
            var t = tmax / (1 + Math.Pow(Math.Abs((x - center) / (width / 2.0)), 2 * order));
            return t * (1 + ripple * Math.Sin(x / 3.0 + phase));
        });
    }

    /// <summary>Long-pass (or short-pass) edge filter, full 300–900 nm.</summary>
    public static (int MinWave, float[] Values) Edge(Random rng, double edge, bool longPass)
    {
        var tmax = Uniform(rng, 0.9, 0.98);
        var steep = Uniform(rng, 1.0, 3.5);
        var ripple = Uniform(rng, 0.005, 0.03);
        return Full(300, 900, x =>
        {
            var z = (x - edge) / steep;
            var t = tmax * Logistic(longPass ? z : -z);
            return t * (1 + ripple * Math.Sin(x / 4.0));
        });
    }

    /// <summary>Dichroic: reflects below the edge, transmits above; multiband dichroics have reflection
    /// notches at each laser line.</summary>
    public static (int MinWave, float[] Values) Dichroic(Random rng, double edge, IReadOnlyList<int>? lines)
    {
        if (lines is null || lines.Count <= 1)
        {
            return Edge(rng, edge, longPass: true);
        }

        var tmax = Uniform(rng, 0.88, 0.97);
        return Full(300, 900, x =>
        {
            var t = tmax;
            foreach (var line in lines)
            {
                t *= 1 - 0.98 / (1 + Math.Pow(Math.Abs((x - line) / 9.0), 8));
            }

            return t * Logistic((x - (lines[0] - 20)) / 2.0);
        });
    }

    /// <summary>Light source power distribution: laser line, LED, white LED or mercury arc lamp.</summary>
    public static (int MinWave, float[] Values) Light(Random rng, string kind, int peak)
    {
        return kind switch
        {
            "laser" => Build(peak, 300, 900, x => Gaussian(x, peak, 1.2)),
            "led" => Build(peak, 300, 900, x => SkewNormal(x, peak - 6, Uniform(rng, 9, 14), 1.5)),
            "white" => Trimmed(300, 900, x =>
                Gaussian(x, 450, 9) + 0.55 * Gaussian(x, 560, 55) + 0.25 * Gaussian(x, 620, 40)),
            _ => Trimmed(300, 900, x =>
                0.06 + 0.9 * Gaussian(x, 365, 3) + Gaussian(x, 405, 3) + 0.95 * Gaussian(x, 436, 3)
                + 0.85 * Gaussian(x, 546, 3) + 0.75 * Gaussian(x, 578, 4) + 0.1 * Gaussian(x, 650, 120)),
        };
    }

    /// <summary>Camera quantum efficiency (absolute, 0–1), 300–1000 nm.</summary>
    public static (int MinWave, float[] Values) QuantumEfficiency(Random rng)
    {
        var peakQe = Uniform(rng, 0.72, 0.95);
        var peak = Uniform(rng, 520, 620);
        var blue = Uniform(rng, 90, 140);
        var red = Uniform(rng, 160, 240);
        var etalon = Uniform(rng, 0, 0.04);
        var values = new float[701];
        for (var i = 0; i < values.Length; i++)
        {
            double x = 300 + i;
            var width = x < peak ? blue : red;
            var v = peakQe * Math.Exp(-Math.Pow((x - peak) / width, 2));
            if (x > 750)
            {
                v *= 1 + etalon * Math.Sin(x / 6.0);
            }

            values[i] = Round(Math.Clamp(v, 0, 1));
        }

        return (300, values);
    }

    private static (int MinWave, float[] Values) Build(int peak, int lo, int hi, Func<double, double> f)
    {
        // sample, then put the maximum exactly at `peak` by shifting, normalize to 1, cut tails < Cutoff
        var raw = new double[hi - lo + 1];
        var argmax = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = f(lo + i);
            if (raw[i] > raw[argmax])
            {
                argmax = i;
            }
        }

        var shift = peak - (lo + argmax);
        var max = raw[argmax];
        var shifted = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var src = i - shift;
            shifted[i] = src >= 0 && src < raw.Length ? raw[src] / max : 0;
        }

        var trimmed = Trim(lo, shifted, normalize: false);

        // keep FPbase's peak_wave (first value equal to 1) at `peak` despite rounding
        for (var i = 0; i < trimmed.Values.Length; i++)
        {
            if (trimmed.MinWave + i != peak && trimmed.Values[i] >= 1f)
            {
                trimmed.Values[i] = 0.9999f;
            }
        }

        return trimmed;
    }

    private static (int MinWave, float[] Values) Trimmed(int lo, int hi, Func<double, double> f)
    {
        var raw = new double[hi - lo + 1];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = f(lo + i);
        }

        return Trim(lo, raw, normalize: true);
    }

    private static (int MinWave, float[] Values) Trim(int lo, double[] values, bool normalize)
    {
        var max = normalize ? values.Max() : 1.0;
        var first = Array.FindIndex(values, v => v / max >= Cutoff);
        var last = Array.FindLastIndex(values, v => v / max >= Cutoff);
        if (first < 0)
        {
            return (lo, [0f]);
        }

        var result = new float[last - first + 1];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Round(values[first + i] / max);
        }

        return (lo + first, result);
    }

    private static (int MinWave, float[] Values) Full(int lo, int hi, Func<double, double> f)
    {
        var values = new float[hi - lo + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var v = Math.Clamp(f(lo + i), 0, 1);
            values[i] = v < 1e-4 ? 0f : Round(v);
        }

        return (lo, values);
    }

    private static float Round(double v) => (float)Math.Round(v, 4);

    private static double Uniform(Random rng, double lo, double hi) => lo + rng.NextDouble() * (hi - lo);

    private static double Gaussian(double x, double mu, double sigma)
        => Math.Exp(-0.5 * Math.Pow((x - mu) / sigma, 2));

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    private static double SkewNormal(double x, double xi, double omega, double alpha)
    {
        var z = (x - xi) / omega;
        return 2 * Math.Exp(-0.5 * z * z) * NormalCdf(alpha * z);
    }

    private static double NormalCdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    // Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7)
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
