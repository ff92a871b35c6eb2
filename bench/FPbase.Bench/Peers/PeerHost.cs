using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace FPbase.Bench.Peers;

/// <summary>The host every in-process peer starts from: on <c>url</c>, logging off (the benchmark reads wrk, not logs).</summary>
internal static class PeerHost
{
    public static WebApplicationBuilder Create(string url, bool slim)
    {
        var builder = slim ? WebApplication.CreateSlimBuilder() : WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        return builder;
    }
}
