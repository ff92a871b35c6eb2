using System.ComponentModel;
using FPbase.Caching.Http;
using Microsoft.AspNetCore.Http;

namespace FPbase.Caching.Payloads;

/// <summary>
/// A built response body, in every stored coding. Never an ORM object: bytes only. Immutable, so
/// the memory cache hands out the same instance instead of a defensive copy of a megabyte.
/// </summary>
[ImmutableObject(true)]
internal sealed class PayloadEntry(string contentType, byte[] identity, byte[] gzip, byte[] brotli, string? rowVersion = null)
{
    public string ContentType { get; } = contentType;

    /// <summary>The cache key of a version's payload (in Redis, after the KeyPrefix, the distributed cache's instance name).</summary>
    public static string KeyOf(string versionHash) => "payload:" + versionHash;

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

    /// <summary>The 200 of these bytes in <paramref name="coding"/>, with the policy's headers and the coding's ETag; no body for a HEAD.</summary>
    public Task WriteAsync(HttpContext context, ContentCoding coding, string? etag, CachingHeaders headers)
    {
        var response = context.Response;
        var body = Body(coding);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        response.Headers.ContentEncoding = ContentCodingNegotiator.HeaderValue(coding);
        headers.Apply(response, etag);
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
