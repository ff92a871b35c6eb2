using System.Buffers.Text;
using System.Security.Cryptography;

namespace FPbase.Caching.Versions;

/// <summary>
/// Fresh random version tokens. A bump never increments a counter: a counter restarts after a
/// Redis flush and would let an old validator match new data; 128 random bits never repeat.
/// </summary>
internal static class VersionToken
{
    /// <summary>
    /// The token of a resource no one has bumped in this state of the store. Reads store nothing, so that
    /// naming a resource that does not exist (a made-up slug in a URL) costs no memory; the first bump
    /// gives it a random token. Safe because a token is only ever read within its epoch, and a state of
    /// the store never loses a field without losing its epoch (flush, restart, failover: a new epoch).
    /// </summary>
    public const string Unbumped = "0";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
