using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FPbase.Caching.Http;

/// <summary>
/// Strong ETags from what a response is built of: the payload format, the endpoint, the request's
/// variant (query), the resources' versions and, for per-user responses, the user. Each content-coding
/// gets its own tag (<c>"hash"</c>, <c>"hash-gzip"</c>, <c>"hash-br"</c>): the bytes differ, so a strong
/// validator must too (RFC 9110 §8.8.3).
/// </summary>
internal static class EntityTagFactory
{
    /// <summary>The hash shared by every coding of one version of one response; also its payload key.</summary>
    public static string VersionHash(string format, string endpoint, string variant, string stamp, string? user)
    {
        var text = string.Join('\n', format, endpoint, variant, stamp, user ?? string.Empty);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..length], hash);
        return Base64Url.EncodeToString(hash[..15]);
    }

    public static string Create(string versionHash, ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => $"\"{versionHash}-gzip\"",
        ContentCoding.Brotli => $"\"{versionHash}-br\"",
        _ => $"\"{versionHash}\"",
    };
}
