using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FPbase.Soak;

/// <summary>A protein the writers change: its slug (URLs) and uuid (GraphQL's <c>protein(id:)</c>).</summary>
public sealed record WatchedProtein(string Slug, string Uuid);

/// <summary>The four read surfaces and how to find the written field (<c>ipg_id</c>) in each answer.</summary>
public enum Surface
{
    ApiProtein,
    ProteinPage,
    BasicList,
    GraphQL,
}

public static partial class Surfaces
{
    /// <summary>The value a writer puts in <c>ipg_id</c> (at most 12 characters): <c>sk</c> and the protein's counter.</summary>
    public const string Prefix = "sk";

    public static string Encode(long counter) => Prefix + counter.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The counter in an <c>ipg_id</c> value: the number after <c>sk</c>; 0 for the seeded value (null, empty, or
    /// anything not written by us), -1 for something that looks like ours but is not a well-formed counter.
    /// </summary>
    public static long Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var digits = value.AsSpan(Prefix.Length);
        if (digits.Length is 0 or > 10)
        {
            return -1;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }
        }

        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Name(Surface s) => s switch
    {
        Surface.ApiProtein => "api-protein",
        Surface.ProteinPage => "protein-page",
        Surface.BasicList => "basic-list",
        Surface.GraphQL => "graphql",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>The path and query of a read (the protein is ignored for the list).</summary>
    public static string PathOf(Surface s, WatchedProtein p) => s switch
    {
        Surface.ApiProtein => $"/api/proteins/{p.Slug}/",
        Surface.ProteinPage => $"/protein/{p.Slug}/",
        Surface.BasicList => "/api/proteins/basic/?format=json",
        Surface.GraphQL => "/graphql/?query=" + Uri.EscapeDataString($"{{protein(id:\"{p.Uuid}\"){{id ipgId}}}}"),
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>
    /// The watched values in a 200 body: slug → counter. Throws <see cref="FormatException"/> when the body does not
    /// have the expected shape (counted as a parse failure, never as a value).
    /// </summary>
    public static Dictionary<string, long> Parse(Surface s, WatchedProtein p, string body, IReadOnlyCollection<WatchedProtein> watched)
    {
        switch (s)
        {
            case Surface.ApiProtein:
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("slug", out var slug) || slug.GetString() != p.Slug
                    || !root.TryGetProperty("ipg_id", out var ipg))
                {
                    throw new FormatException("no slug/ipg_id for " + p.Slug);
                }

                return new() { [p.Slug] = Counter(ipg) };
            }

            case Surface.GraphQL:
            {
                using var doc = JsonDocument.Parse(body);
                if (!doc.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("protein", out var protein)
                    || protein.ValueKind != JsonValueKind.Object || !protein.TryGetProperty("id", out var id)
                    || !string.Equals(id.GetString(), p.Uuid, StringComparison.OrdinalIgnoreCase)
                    || !protein.TryGetProperty("ipgId", out var ipg))
                {
                    throw new FormatException("no data.protein.ipgId for " + p.Uuid);
                }

                return new() { [p.Slug] = Counter(ipg) };
            }

            case Surface.BasicList:
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException("the basic list is not an array");
                }

                var wanted = watched.Select(w => w.Slug).ToHashSet(StringComparer.Ordinal);
                var found = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var item in doc.RootElement.EnumerateArray())
                {
                    if (item.TryGetProperty("slug", out var slug) && slug.GetString() is { } sl && wanted.Contains(sl))
                    {
                        if (!item.TryGetProperty("ipg_id", out var ipg))
                        {
                            throw new FormatException("no ipg_id for " + sl + " in the basic list");
                        }

                        found[sl] = Counter(ipg);
                    }
                }

                if (found.Count != wanted.Count)
                {
                    throw new FormatException($"the basic list has {found.Count} of the {wanted.Count} watched proteins");
                }

                return found;
            }

            case Surface.ProteinPage:
            {
                // The page must be this protein's (its <h1>/title names it) and shows the IPG ID only when set.
                if (!body.Contains($"/protein/{p.Slug}/", StringComparison.Ordinal) && !body.Contains(p.Slug, StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException("not the page of " + p.Slug);
                }

                var matches = IpgRow().Matches(body);
                if (matches.Count > 1)
                {
                    throw new FormatException("several IPG ID rows on the page of " + p.Slug);
                }

                var value = matches.Count == 1 ? WebUtility.HtmlDecode(matches[0].Groups[1].Value).Trim() : null;
                return new() { [p.Slug] = Decode(value) };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(s));
        }
    }

    private static long Counter(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => 0,
        JsonValueKind.String => Decode(e.GetString()),
        _ => throw new FormatException("ipg_id is neither a string nor null"),
    };

    // The row of the page's links out (<dt>IPG</dt> with a link to NCBI's IPG); the plain row of earlier pages too.
    [GeneratedRegex(@"<dt>\s*IPG(?: ID)?\s*</dt>\s*<dd>(?:<a id=""link-ipg""[^>]*>)?([^<]*)(?:</a>)?</dd>", RegexOptions.CultureInvariant)]
    private static partial Regex IpgRow();

    /// <summary>The body's text, decoded according to the response's <c>Content-Encoding</c> (identity, gzip, br).</summary>
    public static string DecodeBody(byte[] bytes, IEnumerable<string> contentEncodings)
    {
        Stream stream = new MemoryStream(bytes);
        foreach (var coding in contentEncodings.Reverse())
        {
            stream = coding.Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "identity" or "" => stream,
                var other => throw new FormatException("unknown content-coding " + other),
            };
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
