using System.Text;
using Microsoft.AspNetCore.Http;

namespace FPbase.Caching;

/// <summary>
/// The query parameters an endpoint reads (<see cref="CacheResourcesAttribute.Query"/>), and their canonical form.
/// Before the endpoint runs, the caching middleware replaces the request's query string with the canonical one,
/// which is also what enters the ETag and the payload key: the endpoint cannot read a parameter that the key does
/// not hold, and a parameter it does not read cannot make a new variant (a random <c>?n=</c> on a list). The
/// canonical query keeps the declared parameters only, each once with its last value (as Django's QueryDict
/// reads one), in ordinal order of name, without empty values and without values equal to the declared default.
/// An endpoint declaring nothing sees no query string at all.
/// A parameter may also be chosen by a request header when the query does not give it (content negotiation: a
/// <c>format</c> from <c>Accept</c>, see <see cref="FromHeaders"/>): the choice is written into the canonical query,
/// so each representation has its own ETag and payload, and the headers named in <see cref="VaryHeaders"/> are sent
/// in <c>Vary</c>.
/// </summary>
/// <remarks>
/// Subclasses declare parameters through the constructor, as <c>name</c> or <c>name=default</c>, and may widen the
/// declaration (<see cref="Declares"/>) or canonicalize values further (<see cref="Canonical"/>). They need a
/// public parameterless constructor and are created once per endpoint.
/// </remarks>
public class QueryParameters
{
    private readonly Dictionary<string, (string Name, string? Default)> _declared;

    /// <summary>Declares parameters as <c>name</c> or <c>name=default</c>, names compared ordinally (as Django does).</summary>
    protected QueryParameters(params string[] declarations)
        : this(StringComparer.Ordinal, declarations)
    {
    }

    /// <summary>Declares parameters as <c>name</c> or <c>name=default</c>, names compared with <paramref name="names"/>.</summary>
    protected QueryParameters(StringComparer names, params string[] declarations)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(declarations);
        _declared = new(names);
        foreach (var declaration in declarations)
        {
            var equals = declaration.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? declaration : declaration[..equals];
            _declared.Add(name, (name, equals < 0 ? null : declaration[(equals + 1)..]));
        }
    }

    /// <summary>No parameters: the default of an endpoint that declares none.</summary>
    internal static QueryParameters None { get; } = new();

    /// <summary>
    /// The canonical name of <paramref name="name"/> when the endpoint reads it, else null (it is dropped).
    /// Default: the declared spelling of a declared name.
    /// </summary>
    protected virtual string? Declares(string name)
        => _declared.TryGetValue(name, out var declared) ? declared.Name : null;

    /// <summary>
    /// The canonical value of a declared parameter, or null when it means the same as leaving it out.
    /// Default: null for the declared default, else the value as sent.
    /// </summary>
    protected virtual string? Canonical(string name, string value)
        => _declared.TryGetValue(name, out var declared) && string.Equals(declared.Default, value, StringComparison.Ordinal) ? null : value;

    /// <summary>
    /// The request headers that choose a parameter's value when the query does not give it (<see cref="FromHeaders"/>),
    /// sent in <c>Vary</c> on every response of the endpoint, 304s included. Default: none.
    /// </summary>
    public virtual IReadOnlyList<string> VaryHeaders => [];

    /// <summary>
    /// The value of a declared parameter that the query does not give, taken from the request's headers (only those
    /// named in <see cref="VaryHeaders"/>), or null to leave it out. It is then canonicalized as a value sent in the
    /// query would be (<see cref="Canonical"/>: the default is left out), so <c>?format=csv</c> and
    /// <c>Accept: text/csv</c> share one ETag when they are one representation. Default: null.
    /// </summary>
    protected virtual string? FromHeaders(string name, HttpRequest request) => null;

    /// <summary>The canonical query string of <paramref name="request"/>: its query, and what its headers choose.</summary>
    internal QueryString Canonicalize(HttpRequest request)
    {
        var query = request.Query;
        var kept = Kept(query);
        if (VaryHeaders.Count > 0)
        {
            foreach (var (name, _) in _declared.Values)
            {
                // A value the query gives wins, even one that canonicalizes away (the default, sent explicitly).
                if (Given(query, name) || FromHeaders(name, request) is not { Length: > 0 } fromHeaders
                    || Canonical(name, fromHeaders) is not { } value)
                {
                    continue;
                }

                kept ??= new(StringComparer.Ordinal);
                kept[name] = value;
            }
        }

        return kept is null ? QueryString.Empty : Build(kept);
    }

    private bool Given(IQueryCollection query, string name)
    {
        foreach (var (sent, values) in query)
        {
            if (values.Count > 0 && !string.IsNullOrEmpty(values[^1]) && Declares(sent) is { } canonicalName
                && string.Equals(canonicalName, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private SortedDictionary<string, string>? Kept(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return null;
        }

        SortedDictionary<string, string>? kept = null;
        foreach (var (name, values) in query)
        {
            if (values.Count == 0 || string.IsNullOrEmpty(values[^1]) || Declares(name) is not { } canonicalName
                || Canonical(canonicalName, values[^1]!) is not { } value)
            {
                continue;
            }

            kept ??= new(StringComparer.Ordinal);
            kept[canonicalName] = value;
        }

        return kept;
    }

    private static QueryString Build(SortedDictionary<string, string> kept)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in kept)
        {
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new QueryString(builder.ToString());
    }
}
