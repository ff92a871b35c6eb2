using System.Globalization;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Csv;

/// <summary>A number as Python's <c>str(float)</c> writes it in FPbase's CSV: shortest round-trip form, <c>1.0</c> not <c>1</c>, <c>1e-05</c> not <c>1E-05</c>.</summary>
internal static class PythonFloat
{
    public static string Format(float value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!float.IsFinite(value))
        {
            return float.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        if (text.Contains('E', StringComparison.Ordinal))
        {
            var (mantissa, exponent) = (text[..text.IndexOf('E', StringComparison.Ordinal)], int.Parse(text[(text.IndexOf('E', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));
            return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
