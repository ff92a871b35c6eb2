using System.Buffers.Text;
using System.Security.Cryptography;

namespace FPbase.Caching.Versions;

/// <summary>
/// Fresh random version tokens. A bump never increments a counter: a counter restarts after a
/// Redis flush and would let an old validator match new data; 128 random bits never repeat.
/// </summary>
internal static class VersionToken
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
