using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace FPbase.Caching.Http;

/// <summary>
/// A resource name with optional <c>{routeValue}</c> placeholders, parsed once. A value is lower-cased; a
/// placeholder <c>{id:int}</c>, for a route parameter with the <c>int</c> constraint, is written as the
/// integer the action receives (<c>066</c>, <c>+66</c> and <c> 66</c> all give <c>66</c>), so every spelling
/// the route accepts names the row the map bumps.
/// </summary>
internal sealed class ResourceTemplate
{
    /// <summary>The one route constraint a placeholder may carry.</summary>
    public const string IntConstraint = "int";

    private readonly string _text;
    private readonly (string Literal, string? RouteValue, bool IsInt)[] _parts;

    private ResourceTemplate(string text, (string, string?, bool)[] parts)
    {
        _text = text;
        _parts = parts;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        Family = HasPlaceholders && colon > 0 ? ResourceNames.FamilyOf(text[..colon]) : null;
    }

    public bool HasPlaceholders => _parts.Any(p => p.RouteValue is not null);

    /// <summary>The route values the placeholders name, with whether each is an <c>int</c>.</summary>
    public IEnumerable<(string RouteValue, bool IsInt)> Placeholders
        => _parts.Where(p => p.RouteValue is not null).Select(p => (p.RouteValue!, p.IsInt));

    /// <summary>The <c>prefix:*</c> resource that set-based writes bump, for per-row templates.</summary>
    public string? Family { get; }

    public static ResourceTemplate Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = new List<(string, string?, bool)>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((text[i..], null, false));
                break;
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '{{' in resource '{text}'.");
            }

            if (open > i)
            {
                parts.Add((text[i..open], null, false));
            }

            var placeholder = text[(open + 1)..close].Split(':', 2);
            if (placeholder.Length == 2 && placeholder[1] != IntConstraint)
            {
                throw new FormatException($"Unknown constraint '{placeholder[1]}' in resource '{text}': only '{IntConstraint}' canonicalizes a route value.");
            }

            parts.Add((string.Empty, placeholder[0], placeholder.Length == 2));
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
        foreach (var (literal, routeValue, isInt) in _parts)
        {
            if (routeValue is null)
            {
                builder.Append(literal);
                continue;
            }

            var value = routeValues.TryGetValue(routeValue, out var raw) ? Convert.ToString(raw, CultureInfo.InvariantCulture) : null;
            if (string.IsNullOrEmpty(value))
            {
                resource = string.Empty;
                return false;
            }

            if (isInt)
            {
                // The int route constraint's own parse: what it accepts, the action receives as this number.
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    resource = string.Empty;
                    return false;
                }

                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            builder.Append(value.ToLowerInvariant());
        }

        resource = builder.ToString();
        return true;
    }
}
