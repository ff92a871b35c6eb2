namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// CORS: the read API is open to every origin, like FPbase's (<c>/api/*</c>, GET and HEAD, no credentials:
/// <c>Access-Control-Allow-Origin: *</c>, so a cross-origin caller never reads anything as a logged-in user).
/// Everything else (pages, GraphQL, every write) is same-origin only: no CORS headers, and a preflight for
/// another method gets none either, so the browser refuses.
/// </summary>
internal static class CorsHostingExtensions
{
    public const string ReadApiPolicy = "read-api";

    public static WebApplicationBuilder AddFpbaseCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy(ReadApiPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Retry-After", "Content-Disposition")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }

    /// <summary>After routing, before authentication (a preflight carries no credentials and is answered here).</summary>
    public static WebApplication UseFpbaseCors(this WebApplication app)
    {
        app.UseWhen(IsApiRead, api => api.UseCors(ReadApiPolicy));
        return app;
    }

    /// <summary>
    /// An API GET or HEAD, or the preflight of one. ASP.NET Core's CORS middleware leaves the method check to
    /// the browser and would answer any other request with <c>Access-Control-Allow-Origin</c> too: other
    /// methods never reach it.
    /// </summary>
    private static bool IsApiRead(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var method = HttpMethods.IsOptions(request.Method) ? request.Headers.AccessControlRequestMethod.ToString() : request.Method;
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
    }
}
