using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FPbase.Caching.Http;

/// <summary>
/// A response marked <c>public</c> never carries <c>Set-Cookie</c>: a shared cache could store the cookie with it
/// and hand one visitor's cookie to everyone (RFC 9111 §3 allows storing Set-Cookie; §5.2.2.7 says <c>private</c>
/// is how a server forbids it). Whatever set the cookie (a sign-out after a failed security-stamp check, an
/// antiforgery token, a renewal), the response becomes <c>private</c>: the cookie reaches its one browser, the body
/// and ETag stay what everyone gets. Runs before everything that may set a cookie (only forwarded headers and the
/// revalidation shortcut, which set none, come before it), so that its <c>OnStarting</c> callback runs last and sees
/// the headers every other component set.
/// </summary>
internal sealed class PublicResponseCookieGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.Headers.SetCookie.Count > 0
                && CacheControlHeaderValue.TryParse(response.Headers.CacheControl.ToString(), out var cacheControl)
                && cacheControl.Public)
            {
                cacheControl.Public = false;
                cacheControl.Private = true;
                response.Headers.CacheControl = cacheControl.ToString();
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
