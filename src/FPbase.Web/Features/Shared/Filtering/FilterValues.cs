using System.Globalization;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>Parsing of filter values, with django-filter's messages.</summary>
internal static class FilterValues
{
    public static double Number(string raw)
        => double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FilterValueException($"Enter a number ('{raw}' is not one).");

    public static int Integer(string raw)
        => int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FilterValueException($"Enter a whole number ('{raw}' is not one).");

    public static (double Min, double Max) Range(string raw)
    {
        var parts = raw.Split(',');
        if (parts.Length != 2)
        {
            throw new FilterValueException($"Range query expects two values, as min,max ('{raw}' is not).");
        }

        return (Number(parts[0]), Number(parts[1]));
    }

    public static IReadOnlyList<string> List(string raw)
        => raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static TEnum Choice<TEnum>(string raw)
        where TEnum : struct, Enum
        => Data.Entities.FpbaseCodes.TryParse<TEnum>(raw.Trim(), out var value)
            ? value
            : throw InvalidChoice(raw, Data.Entities.FpbaseCodes.Codes<TEnum>());

    public static string Choice(string raw, IReadOnlyList<string> choices)
        => choices.Contains(raw.Trim(), StringComparer.Ordinal) ? raw.Trim() : throw InvalidChoice(raw, choices);

    private static FilterValueException InvalidChoice(string raw, IReadOnlyList<string> choices)
        => new($"Select a valid choice. '{raw}' is not one of the available choices ({string.Join(", ", choices)}).");
}
