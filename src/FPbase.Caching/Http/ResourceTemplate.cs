using System.Text;
using Microsoft.AspNetCore.Routing;

namespace FPbase.Caching.Http;

/// <summary>A resource name with optional <c>{routeValue}</c> placeholders, parsed once.</summary>
internal sealed class ResourceTemplate
{
    private readonly string _text;
    private readonly (string Literal, string? RouteValue)[] _parts;

    private ResourceTemplate(string text, (string, string?)[] parts)
    {
        _text = text;
        _parts = parts;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        Family = HasPlaceholders && colon > 0 ? ResourceNames.FamilyOf(text[..colon]) : null;
    }

    public bool HasPlaceholders => _parts.Any(p => p.RouteValue is not null);

    /// <summary>The <c>prefix:*</c> resource that set-based writes bump, for per-row templates.</summary>
    public string? Family { get; }

    public static ResourceTemplate Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = new List<(string, string?)>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((text[i..], null));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '{{' in resource '{text}'.");
            }

            if (open > i)
            {
                parts.Add((text[i..open], null));
            }

            parts.Add((string.Empty, text[(open + 1)..close]));
            i = close + 1;
        }

        return new ResourceTemplate(text, parts.ToArray());
    }

    /// <summary>Fills the placeholders from route values; false when one is missing or empty.</summary>
    public bool TryResolve(RouteValueDictionary routeValues, out string resource)
    {
        if (!HasPlaceholders)
        {
            resource = _text;
            return true;
        }

        var builder = new StringBuilder();
        foreach (var (literal, routeValue) in _parts)
        {
            if (routeValue is null)
            {
                builder.Append(literal);
                continue;
            }

            var value = routeValues.TryGetValue(routeValue, out var raw) ? Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture) : null;
            if (string.IsNullOrEmpty(value))
            {
                resource = string.Empty;
                return false;
            }

            builder.Append(value.ToLowerInvariant());
        }

        resource = builder.ToString();
        return true;
    }
}
