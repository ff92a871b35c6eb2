using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FPbase.Bench.Peers;

/// <summary>
/// The limit: Kestrel with one request delegate and nothing else (no routing, no middleware), answering from
/// bytes in memory. A 304 when If-None-Match is the coding's ETag, else the coding's bytes. Nothing real can be
/// faster on this machine, so every other server is reported as a share of it.
/// </summary>
internal static class LimitServer
{
    public static async Task<int> RunAsync(string url, string folder)
    {
        var payloads = PeerPayloads.Load(folder);
        var app = PeerHost.Create(url, slim: true).Build();
        app.Run(context =>
        {
            var payload = payloads.For(context.Request.Headers.AcceptEncoding);
            var response = context.Response;
            response.Headers.ETag = payload.ETag;
            response.Headers.Vary = "Accept-Encoding";
            response.Headers.CacheControl = "no-cache";
            if (context.Request.Headers.IfNoneMatch == payload.ETag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            response.ContentType = "application/json";
            if (payload.Coding != "identity")
            {
                response.Headers.ContentEncoding = payload.Coding;
            }

            response.ContentLength = payload.Bytes.Length;
            return response.Body.WriteAsync(payload.Bytes).AsTask();
        });
        await app.RunAsync();
        return 0;
    }
}
