using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// Request body size limits: the endpoint's <see cref="IRequestSizeLimitMetadata"/>, else
/// <see cref="RequestLimitsOptions.MaxBodyBytes"/>. A declared <c>Content-Length</c> over the limit is refused
/// at once (413 problem details) without reading the body; a body without one (chunked) is cut off when it
/// passes the limit, by the server (Kestrel, through <see cref="IHttpMaxRequestBodySizeFeature"/>) or, where
/// the server cannot (the in-memory test server), by a counting stream; both throw a 413
/// <see cref="BadHttpRequestException"/>, which <see cref="RequestLimitsExceptionHandler"/> answers.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptionsMonitor<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = metadata is null ? options.CurrentValue.MaxBodyBytes : metadata.MaxRequestBodySize;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var serverEnforces = feature is { IsReadOnly: false };
        if (serverEnforces)
        {
            feature!.MaxRequestBodySize = limit;
        }

        if (limit is long max)
        {
            if (context.Request.ContentLength > max)
            {
                await RefuseAsync(context, max);
                return;
            }

            if (!serverEnforces && context.Request.ContentLength is null && HasBody(context.Request))
            {
                context.Request.Body = new LimitedReadStream(context.Request.Body, max);
            }
        }

        await next(context);
    }

    private static Task RefuseAsync(HttpContext context, long max)
    {
        // The client may still be sending: do not keep reading what we refused.
        context.Response.Headers.Connection = "close";
        return context.WriteProblemAsync(
            StatusCodes.Status413PayloadTooLarge,
            "Content Too Large",
            $"The request body is larger than this endpoint accepts ({max} bytes).").AsTask();
    }

    /// <summary>Whether the request carries a body (a length, chunks, or a body the server detects).</summary>
    public static bool HasBody(HttpRequest request)
        => request.Headers.TransferEncoding.Count > 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    /// <summary>Throws 413 once more than <c>max</c> bytes were read.</summary>
    private sealed class LimitedReadStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > max
                ? throw new BadHttpRequestException($"The request body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
