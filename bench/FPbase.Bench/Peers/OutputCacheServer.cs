using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Bench.Peers;

/// <summary>
/// What an ASP.NET Core developer would write instead: an endpoint returning the list's bytes with an ETag,
/// ASP.NET Core's OutputCache (varying by Accept-Encoding, so that it keeps each coding) outside
/// ResponseCompression (so that what it keeps is compressed once). OutputCache answers If-None-Match from the
/// ETag it stored.
/// </summary>
internal static class OutputCacheServer
{
    public static async Task<int> RunAsync(string url, string folder)
    {
        var payloads = PeerPayloads.Load(folder);
        var builder = PeerHost.Create(url, slim: false);
        builder.Services.AddOutputCache(options =>
            options.AddBasePolicy(policy => policy.Expire(TimeSpan.FromHours(1)).SetVaryByHeader("Accept-Encoding")));
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        var app = builder.Build();
        app.UseOutputCache();
        app.UseResponseCompression();
        app.MapGet("/api/spectra-list/", (HttpContext context) =>
        {
            context.Response.Headers.ETag = payloads.Identity.ETag;
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(payloads.Identity.Bytes, "application/json");
        }).CacheOutput();
        await app.RunAsync();
        return 0;
    }
}
