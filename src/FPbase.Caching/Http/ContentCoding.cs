using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FPbase.Caching.Http;

/// <summary>The content-codings a cached payload is stored in.</summary>
internal enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>Chooses a stored coding from Accept-Encoding with its q-values (RFC 9110 §12.5.3).</summary>
internal static class ContentCodingNegotiator
{
    public static ContentCoding Choose(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var values))
        {
            return ContentCoding.Identity;
        }

        double br = -1, gzip = -1, identity = -1, any = -1;
        foreach (var value in values)
        {
            var q = value.Quality ?? 1.0;
            var name = value.Value;
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                br = Math.Max(br, q);
            }
            else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip, q);
            }
            else if (name.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                identity = Math.Max(identity, q);
            }
            else if (name.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any, q);
            }
        }

        br = br >= 0 ? br : Math.Max(any, 0);
        gzip = gzip >= 0 ? gzip : Math.Max(any, 0);

        // Ties prefer the smaller body: br, then gzip. Identity is always acceptable unless refused,
        // and when everything is refused we still send identity rather than a 406 (§12.5.3 allows it).
        if (br > 0 && br >= gzip && (identity < 0 || br >= identity))
        {
            return ContentCoding.Brotli;
        }

        if (gzip > 0 && (identity < 0 || gzip >= identity))
        {
            return ContentCoding.Gzip;
        }

        return ContentCoding.Identity;
    }

    public static string? HeaderValue(ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => "gzip",
        ContentCoding.Brotli => "br",
        _ => null,
    };
}
