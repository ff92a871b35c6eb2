using System.ComponentModel;
using FPbase.Caching.Http;

namespace FPbase.Caching.Payloads;

/// <summary>
/// A built response body, in every stored coding. Never an ORM object: bytes only. Immutable, so
/// the memory cache hands out the same instance instead of a defensive copy of a megabyte.
/// </summary>
[ImmutableObject(true)]
internal sealed class PayloadEntry(string contentType, byte[] identity, byte[] gzip, byte[] brotli, string? rowVersion = null)
{
    public string ContentType { get; } = contentType;

    /// <summary>
    /// The row version these bytes were built from, when the endpoint reported one
    /// (<see cref="RepresentationVersions.SetRepresentationVersion"/>). Kept in the entry so that it lives exactly as
    /// long as the bytes clients hold under this version's ETags.
    /// </summary>
    public string? RowVersion { get; } = rowVersion;

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
