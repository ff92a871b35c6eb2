using System.ComponentModel;
using FPbase.Caching.Http;

namespace FPbase.Caching.Payloads;

/// <summary>
/// A built response body, in every stored coding. Never an ORM object: bytes only. Immutable, so
/// the memory cache hands out the same instance instead of a defensive copy of a megabyte.
/// </summary>
[ImmutableObject(true)]
internal sealed class PayloadEntry(string contentType, byte[] identity, byte[] gzip, byte[] brotli)
{
    public string ContentType { get; } = contentType;

    public byte[] Identity { get; } = identity;

    public byte[] Gzip { get; } = gzip;

    public byte[] Brotli { get; } = brotli;

    public byte[] Body(ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => Gzip,
        ContentCoding.Brotli => Brotli,
        _ => Identity,
    };
}
