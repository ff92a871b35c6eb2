using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// API token secrets: <c>fpb_</c> and 32 random bytes in base64url (47 characters). Only the SHA-256 of the
/// whole string is stored, with the first <see cref="PrefixLength"/> characters for display.
/// </summary>
public static class ApiTokenGenerator
{
    public const string Marker = "fpb_";

    public const int PrefixLength = 12;

    /// <summary>Longer "tokens" are refused without a database lookup.</summary>
    public const int MaxLength = 128;

    public static string NewSecret() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];
}
