using Microsoft.AspNetCore.Authentication;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// A request with a bearer token that does not authenticate (unknown, revoked, malformed) is refused with 401
/// wherever it goes, public reads included: a script must learn at once that its token no longer works,
/// rather than silently read as anonymous. Runs right after authentication.
/// </summary>
internal sealed class InvalidBearerTokenMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (AuthSchemes.HasBearerHeader(context.Request))
        {
            var result = await context.AuthenticateAsync(AuthSchemes.Bearer);
            if (result.Failure is not null)
            {
                await context.ChallengeAsync(AuthSchemes.Bearer);
                return;
            }
        }

        await next(context);
    }
}
