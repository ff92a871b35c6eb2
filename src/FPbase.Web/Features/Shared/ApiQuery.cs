using FPbase.Data;
using FPbase.Web.Features.Proteins.Api;
using FPbase.Web.Features.Shared.Filtering;

namespace FPbase.Web.Features.Shared;

/// <summary>
/// The query string of an API request, checked whole: every parameter must be a known filter, or
/// <c>format</c> with a format the route serves, or one of the route's own parameters. The caching middleware
/// has already dropped the parameters the route does not declare (its <c>QueryParameters</c>); what reaches this
/// check and is unknown is a mistyped filter (<see cref="ProteinListParameters"/>), an error rather than ignored:
/// ignoring it would answer a guessed query with the whole list.
/// </summary>
internal sealed class ApiQuery
{
    public const string FormatParameter = "format";
    public const string Json = "json";
    public const string Csv = "csv";

    private ApiQuery(string format, Dictionary<string, string[]> errors)
    {
        Format = format;
        Errors = errors;
    }

    /// <summary>The route's first format (its default; <c>json</c> for a route serving none) or another it serves.</summary>
    public string Format { get; }

    /// <summary>Parameter name → messages; empty when the query is valid.</summary>
    public Dictionary<string, string[]> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>Checks parameter names and the format, for a route with <paramref name="filters"/> (or none) and <paramref name="ownParameters"/>.</summary>
    public static ApiQuery Read<T>(IQueryCollection query, QueryFilterSet<T>? filters, IReadOnlyList<string> formats, params string[] ownParameters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var name in query.Keys)
        {
            var known = (name == FormatParameter && formats.Count > 0) || ownParameters.Contains(name, StringComparer.Ordinal) || filters?.Contains(name) == true;
            if (!known)
            {
                errors[name] = [$"Unknown query parameter '{name}'. Valid parameters: {string.Join(", ", ValidNames(filters, formats, ownParameters))}."];
            }
        }

        var format = formats.Count > 0 ? formats[0] : Json;
        if (formats.Count > 0 && query.TryGetValue(FormatParameter, out var formatValues) && formatValues.Count > 0 && !string.IsNullOrEmpty(formatValues[^1]))
        {
            format = formatValues[^1]!;
            if (!formats.Contains(format, StringComparer.Ordinal))
            {
                errors[FormatParameter] = [$"Unknown format '{format}'. This route serves: {string.Join(", ", formats)}."];
            }
        }

        return new ApiQuery(format, errors);
    }

    /// <summary>Applies the filters; bad values are added to <see cref="Errors"/>.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> source, QueryFilterSet<T> filters, IQueryCollection query, FpbaseDbContext db)
        => filters.Apply(source, query, db, Errors);

    private static IEnumerable<string> ValidNames<T>(QueryFilterSet<T>? filters, IReadOnlyList<string> formats, string[] ownParameters)
    {
        if (formats.Count > 1)
        {
            yield return FormatParameter;
        }

        foreach (var name in ownParameters)
        {
            yield return name;
        }

        foreach (var filter in filters?.Filters ?? [])
        {
            yield return filter.Name;
        }
    }
}
