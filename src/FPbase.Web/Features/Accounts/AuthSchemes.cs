using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// The authentication schemes. <see cref="Default"/> forwards to <see cref="Bearer"/> when the request has an
/// <c>Authorization: Bearer</c> header and to <see cref="Cookie"/> otherwise, so a request is authenticated one
/// way or the other, never both.
/// </summary>
public static class AuthSchemes
{
    /// <summary>The policy scheme every endpoint uses by default.</summary>
    public const string Default = "Fpbase";

    /// <summary>API tokens for scripts (<see cref="ApiTokenAuthenticationHandler"/>).</summary>
    public const string Bearer = "Bearer";

    /// <summary>Identity's application cookie (the site's login).</summary>
    public static readonly string Cookie = IdentityConstants.ApplicationScheme;

    /// <summary>Whether the request carries an <c>Authorization: Bearer ...</c> header.</summary>
    public static bool HasBearerHeader(HttpRequest request)
        => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the user was authenticated by an API token. Such requests carry no ambient credentials (a browser
    /// never adds the header by itself), so they need no antiforgery token.
    /// </summary>
    public static bool IsBearer(this ClaimsPrincipal user)
        => user.Identity is { IsAuthenticated: true, AuthenticationType: Bearer };
}
