using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using DataRoles = FPbase.Data.Identity.Roles;

namespace FPbase.Web.Features.Accounts;

/// <summary>Who is asking: the answer of <c>GET /api/me/</c>.</summary>
/// <param name="CsrfToken">An antiforgery request token for this login session (send it as the
/// <c>X-CSRF-Token</c> header on writes); null for anonymous and API-token requests.</param>
public sealed record MeResponse(
    bool Authenticated,
    string? Id,
    string? Username,
    IReadOnlyList<string> Roles,
    bool CanEdit,
    bool CanApprove,
    string? AuthMethod,
    string? CsrfToken);

/// <summary>
/// <c>GET /api/me/</c>: the logged-in user (cookie or API token) or <c>"authenticated": false</c>. The only
/// place the site says who you are: public pages are the same for everyone, and a script on them may ask
/// here. Never cached by anyone: <c>Cache-Control: private, no-store</c>, <c>Vary: Cookie, Authorization</c>.
/// </summary>
internal static class MeEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
        => app.MapMethods("/api/me/", [HttpMethods.Get, HttpMethods.Head], Get).WithTags("Accounts");

    private static MeResponse Get(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User;
        var bearer = user.IsBearer();
        // Only a login session needs one (anonymous forms carry their own): no cookie is set for anonymous callers.
        var csrf = user.Identity?.IsAuthenticated == true && !bearer ? antiforgery.GetAndStoreTokens(context).RequestToken : null;

        // After GetAndStoreTokens, which sets its own no-cache headers.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.Vary = "Cookie, Authorization";
        if (user.Identity?.IsAuthenticated != true)
        {
            return new MeResponse(false, null, null, [], false, false, null, csrf);
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        return new MeResponse(
            true,
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.Identity.Name,
            roles,
            user.IsInRole(DataRoles.Editor) || user.IsInRole(DataRoles.Staff),
            user.IsInRole(DataRoles.Staff),
            bearer ? "token" : "cookie",
            csrf);
    }
}
