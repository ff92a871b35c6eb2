using Microsoft.AspNetCore.Http;

namespace FPbase.Caching.Http;

/// <summary>
/// Thrown out of the payload factory when the endpoint did not produce a cacheable 200, so that
/// nothing is cached. The request that ran the endpoint writes what it captured (or rethrows the
/// endpoint's exception); requests that were waiting for the same payload run the endpoint themselves.
/// </summary>
internal sealed class CapturedResponseException(HttpContext context, byte[] body, Exception? endpointException)
    : Exception("The endpoint's response is not cacheable.", endpointException)
{
    public HttpContext Context { get; } = context;

    public byte[] Body { get; } = body;

    public Exception? EndpointException { get; } = endpointException;
}
