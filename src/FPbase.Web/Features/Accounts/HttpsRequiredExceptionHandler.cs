using Microsoft.AspNetCore.Diagnostics;
using FPbase.Web.Infrastructure;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// <see cref="HttpsRequiredException"/>: a request over plain HTTP on a site with Secure cookies that sets or
/// needs one (the login, register and logout forms, an unsafe request checked for antiforgery, the CSRF token of
/// <c>GET /api/me/</c>). A 403 problem that says so, never a 500, and no redirect to https (behind a proxy that
/// terminated TLS without saying so, the redirect would loop). Public reads never get here.
/// </summary>
internal sealed class HttpsRequiredExceptionHandler(ILogger<HttpsRequiredExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not HttpsRequiredException)
        {
            return false;
        }

        logger.LogWarning(
            "Refused {Method} {Path} over plain HTTP: it needs a Secure cookie (Accounts:SecureCookies). Behind a TLS-terminating proxy, the proxy must send X-Forwarded-Proto and its address be in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks.",
            httpContext.Request.Method,
            httpContext.Request.Path);
        return await httpContext.WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "HTTPS required",
            "This page sets or needs the site's cookies (login, antiforgery), which are sent over HTTPS only, but the request came over plain HTTP. Use the https:// address.",
            exception);
    }
}
