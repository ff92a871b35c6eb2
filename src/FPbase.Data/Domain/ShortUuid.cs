using System.Numerics;

namespace FPbase.Data.Domain;

/// <summary>FPbase's identifier schemes.</summary>
public static class ShortUuid
{
    /// <summary>Alphabet of FPbase's <c>shortuuid()</c> (microscope ids): no 0, 1, I, O, l.</summary>
    public const string MicroscopeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Alphabet of FPbase's <c>prot_uuid()</c> (5-character protein uuids): no I and no 0.</summary>
    public const string ProteinAlphabet = "ABCDEFGHJKLMNOPQRSTUVWXYZ123456789";

    public const int MicroscopeIdLength = 22;
    public const int ProteinUuidLength = 5;

    /// <summary>A new random 22-character microscope id (a random v4 UUID in FPbase's base-57, padded).</summary>
    public static string NewMicroscopeId() => MicroscopeId(Random.Shared);

    /// <summary>A microscope id drawn from <paramref name="random"/> (deterministic for a seeded Random).</summary>
    public static string MicroscopeId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        var number = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var alphabetLength = MicroscopeAlphabet.Length;
        var chars = new char[MicroscopeIdLength];
        var n = 0;
        while (!number.IsZero && n < MicroscopeIdLength)
        {
            number = BigInteger.DivRem(number, alphabetLength, out var digit);
            chars[n++] = MicroscopeAlphabet[(int)digit];
        }

        while (n < MicroscopeIdLength)
        {
            chars[n++] = MicroscopeAlphabet[0];
        }

        return new string(chars);
    }

    /// <summary>A new random 5-character protein uuid. Uniqueness is the caller's concern (FPbase retries).</summary>
    public static string NewProteinUuid() => ProteinUuid(Random.Shared);

    public static string ProteinUuid(Random random)
    {
        Span<char> chars = stackalloc char[ProteinUuidLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ProteinAlphabet[random.Next(ProteinAlphabet.Length)];
        }

        return new string(chars);
    }
}
