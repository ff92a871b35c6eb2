using FPbase.Caching;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FPbase.Web.Features.Spectra.Images;

/// <summary>
/// FPbase's spectra_img query parameters, declared for the caching middleware (names case-insensitive, booleans
/// canonical, defaults dropped, anything else ignored as FPbase ignores it) and read into
/// <see cref="SpectraFigureOptions"/>: <c>xlim</c> must be two ordered integers from 300 to 1600, booleans are
/// true/false/yes/no/1/0; a bad value is an error, reported per parameter.
/// </summary>
public sealed class SpectraImageParameters : QueryParameters
{
    private static readonly SpectraFigureOptions Defaults = new();

    public SpectraImageParameters()
        : base(StringComparer.OrdinalIgnoreCase, "xlim", "fill", "transparent", "grid", "title", "xlabels")
    {
    }

    /// <summary>A boolean as <c>true</c> or <c>false</c>, and left out when it is the default; a bad value as sent.</summary>
    protected override string? Canonical(string name, string value)
    {
        if (name == "xlim" || ParseBool(value) is not { } parsed)
        {
            return value;
        }

        var fallback = name switch
        {
            "fill" => Defaults.Fill,
            "transparent" => Defaults.Transparent,
            "grid" => Defaults.Grid,
            "title" => Defaults.Title,
            _ => Defaults.XLabels,
        };
        return parsed == fallback ? null : parsed ? "true" : "false";
    }

    /// <summary>Reads the (canonical) query; each bad value is added to <paramref name="errors"/>.</summary>
    public static SpectraFigureOptions Parse(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var options = new SpectraFigureOptions();
        if (Single(query, "xlim") is { } xlim)
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
        var value = Single(query, name);
        if (value is null)
        {
            return fallback;
        }

        if (ParseBool(value) is { } parsed)
        {
            return parsed;
        }

        errors[name] = ["Expected true or false (or yes/no, 1/0)."];
        return fallback;
    }

    private static bool? ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };

    private static string? Single(IQueryCollection query, string name)
        => query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;
}
