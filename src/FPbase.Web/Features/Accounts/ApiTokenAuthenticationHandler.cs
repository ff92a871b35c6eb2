using System.Security.Claims;
using System.Text.Encodings.Web;
using FPbase.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// <c>Authorization: Bearer fpb_...</c>: finds the token by its SHA-256 hash (one indexed lookup, plus one for
/// the owner's roles) and authenticates its owner with their current roles. No header: no result (the cookie
/// scheme answers instead). An unknown, revoked or malformed token fails, and the request is then refused
/// with 401 wherever it goes (<see cref="InvalidBearerTokenMiddleware"/>).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > ApiTokenGenerator.MaxLength || !secret.StartsWith(ApiTokenGenerator.Marker, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The bearer token is malformed.");
        }

        var hash = ApiTokenGenerator.Hash(secret);
        var db = Context.RequestServices.GetRequiredService<FpbaseDbContext>();
        var owner = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new { t.UserId, t.User!.UserName, t.User.LockoutEnd })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The bearer token is unknown or revoked.");
        }

        if (owner.LockoutEnd is { } lockedUntil && lockedUntil > TimeProvider.GetUtcNow())
        {
            return AuthenticateResult.Fail("The token's owner is locked out.");
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ur.UserId == owner.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.UserId),
            new(ClaimTypes.Name, owner.UserName ?? owner.UserId),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var identity = new ClaimsIdentity(claims, AuthSchemes.Bearer, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750); the body is problem details (status code pages).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.CacheControl = "no-store";
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\", error_description=\"" + result.Failure.Message + "\"";
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
