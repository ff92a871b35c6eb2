namespace FPbase.Web.Features.Shared;

/// <summary>
/// The format an <c>Accept</c> header chooses among a route's renderers, as Django REST framework's
/// <c>DefaultContentNegotiation</c> chooses (FPbase's API): the accepted media types are grouped by specificity
/// (with parameters, then <c>type/subtype</c>, then <c>type/*</c>, then <c>*/*</c>), and within the most specific group
/// that any renderer matches, the first renderer in the route's order wins; q-values do not rank, as in DRF, but a
/// type with <c>q=0</c> is refused (RFC 9110 §12.4.2), which DRF does not do. No header means <c>*/*</c>: the first
/// renderer. Where DRF would answer 406, the first renderer is served (a client always gets the list).
/// Bounded: at most <see cref="MaxMediaTypes"/> media types are read, of a header Kestrel has already bounded.
/// </summary>
internal static class ContentNegotiation
{
    public const int MaxMediaTypes = 32;

    /// <summary>A route's renderer: its <c>format</c> value and media type, in the route's order.</summary>
    public readonly record struct Renderer(string Format, string MediaType);

    public static string Choose(string? accept, IReadOnlyList<Renderer> renderers)
    {
        ArgumentOutOfRangeException.ThrowIfZero(renderers.Count);
        if (string.IsNullOrWhiteSpace(accept))
        {
            return renderers[0].Format;
        }

        var accepted = new List<(string Type, string Subtype, int Precedence)>();
        foreach (var part in accept.Split(',', MaxMediaTypes + 1, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(MaxMediaTypes))
        {
            if (Parse(part) is { } mediaType)
            {
                accepted.Add(mediaType);
            }
        }

        for (var precedence = 3; precedence >= 0; precedence--)
        {
            foreach (var renderer in renderers)
            {
                var slash = renderer.MediaType.IndexOf('/', StringComparison.Ordinal);
                var (type, subtype) = (renderer.MediaType[..slash], renderer.MediaType[(slash + 1)..]);
                foreach (var a in accepted)
                {
                    if (a.Precedence == precedence && (a.Type == "*" || string.Equals(a.Type, type, StringComparison.OrdinalIgnoreCase))
                        && (a.Subtype == "*" || string.Equals(a.Subtype, subtype, StringComparison.OrdinalIgnoreCase)))
                    {
                        return renderer.Format;
                    }
                }
            }
        }

        return renderers[0].Format;
    }

    /// <summary>A media range and its precedence (DRF's <c>_MediaType.precedence</c>), or null when malformed or <c>q=0</c>.</summary>
    private static (string Type, string Subtype, int Precedence)? Parse(string range)
    {
        var pieces = range.Split(';', StringSplitOptions.TrimEntries);
        var slash = pieces[0].IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == pieces[0].Length - 1)
        {
            return null;
        }

        var (type, subtype) = (pieces[0][..slash], pieces[0][(slash + 1)..]);
        var otherParameters = false;
        foreach (var parameter in pieces.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? parameter : parameter[..equals]).Trim();
            if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                if (equals >= 0 && double.TryParse(parameter[(equals + 1)..].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) && q <= 0)
                {
                    return null;
                }
            }
            else if (name.Length > 0)
            {
                otherParameters = true;
            }
        }

        var precedence = type == "*" ? 0 : subtype == "*" ? 1 : otherParameters ? 3 : 2;
        return (type, subtype, precedence);
    }
}
