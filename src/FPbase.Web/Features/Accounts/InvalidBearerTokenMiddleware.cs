using Microsoft.AspNetCore.Authentication;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// A request with one of our bearer tokens (<c>fpb_...</c>) that does not authenticate (unknown, revoked,
/// malformed) is refused with 401 wherever it goes, public reads included: a script must learn at once that its
/// token no longer works, rather than silently read as anonymous. A bearer token that is not ours (an fpbase.org
/// key an FPbase client sends everywhere) on a public read (GET, HEAD) is ignored: the read is answered as for
/// anyone, with a <c>WWW-Authenticate</c> hint saying so; anywhere else it is a 401. Runs right after authentication.
/// </summary>
internal sealed class InvalidBearerTokenMiddleware(RequestDelegate next)
{
    private const string IgnoredHint = "Bearer error=\"invalid_token\", error_description=\"not a token of this site (they begin with " + ApiTokenGenerator.Marker + "); answered as for anyone\"";

    private static bool IsForeignTokenOnARead(HttpRequest request)
        => (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.Authorization.ToString()["Bearer ".Length..].TrimStart().StartsWith(ApiTokenGenerator.Marker, StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (AuthSchemes.HasBearerHeader(context.Request))
        {
            var result = await context.AuthenticateAsync(AuthSchemes.Bearer);
            if (result.Failure is not null)
            {
                if (IsForeignTokenOnARead(context.Request))
                {
                    context.Response.Headers.WWWAuthenticate = IgnoredHint;
                    await next(context);
                    return;
                }

                await context.ChallengeAsync(AuthSchemes.Bearer);
                return;
            }
        }

        await next(context);
    }
}
