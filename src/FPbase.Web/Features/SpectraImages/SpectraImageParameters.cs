using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FPbase.Web.Features.SpectraImages;

/// <summary>
/// Reads FPbase's spectra_img query parameters into <see cref="SpectraFigureOptions"/>. Anything else is an
/// error, reported per parameter: <c>xlim</c> must be two ordered integers from 300 to 1600, booleans are
/// true/false/yes/no/1/0, and unknown parameters are refused (they would only multiply cached variants).
/// </summary>
public static class SpectraImageParameters
{
    private static readonly string[] Known = ["xlim", "fill", "transparent", "grid", "title", "xlabels"];

    public static SpectraFigureOptions Parse(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var key in query.Keys.Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            errors[key] = [$"Unknown parameter. Known: {string.Join(", ", Known)}."];
        }

        var options = new SpectraFigureOptions();
        if (Single(query, "xlim", errors) is { } xlim)
        {
            var parts = xlim.Split(',');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
                && min >= SpectraFigureOptions.MinWavelength && max <= SpectraFigureOptions.MaxWavelength && min < max)
            {
                options = options with { XMin = min, XMax = max };
            }
            else
            {
                errors["xlim"] = [$"Expected two increasing whole wavelengths from {SpectraFigureOptions.MinWavelength} to {SpectraFigureOptions.MaxWavelength} nm, like xlim=400,700."];
            }
        }

        return options with
        {
            Fill = Bool(query, "fill", options.Fill, errors),
            Transparent = Bool(query, "transparent", options.Transparent, errors),
            Grid = Bool(query, "grid", options.Grid, errors),
            Title = Bool(query, "title", options.Title, errors),
            XLabels = Bool(query, "xlabels", options.XLabels, errors),
        };
    }

    private static bool Bool(IQueryCollection query, string name, bool fallback, IDictionary<string, string[]> errors)
    {
        switch (Single(query, name, errors)?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "true" or "yes" or "1":
                return true;
            case "false" or "no" or "0":
                return false;
            default:
                errors[name] = ["Expected true or false (or yes/no, 1/0)."];
                return fallback;
        }
    }

    private static string? Single(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            errors[name] = ["Give the parameter once."];
            return null;
        }

        return values[0];
    }
}
