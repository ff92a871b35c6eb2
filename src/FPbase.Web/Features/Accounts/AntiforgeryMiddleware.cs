using FPbase.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// Every unsafe request (POST, PUT, PATCH, DELETE) to an endpoint must carry a valid antiforgery token, in the
/// form field <c>__RequestVerificationToken</c> (forms rendered with the form tag helper have it) or the
/// <c>X-CSRF-Token</c> header (scripts on our pages: the token comes from <c>GET /api/me/</c>), unless:
/// <list type="bullet">
/// <item>the request is authenticated by an API token: a browser never adds that header by itself, so there is
/// no ambient credential a cross-site page could borrow;</item>
/// <item>the endpoint opts out (<c>.DisableAntiforgery()</c>, <c>[IgnoreAntiforgeryToken]</c>): only for
/// endpoints that change nothing, like GraphQL queries sent by POST.</item>
/// </list>
/// Runs after authentication and authorization (an anonymous write to a protected route is a 401, not a 400),
/// for MVC controllers and minimal endpoints alike. A missing or bad token is a 400 problem and nothing runs.
/// </summary>
internal sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        var endpoint = context.GetEndpoint();
        if (safe
            || endpoint is null
            || endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false }
            || context.User.IsBearer())
        {
            await next(context);
            return;
        }

        bool valid;
        try
        {
            valid = await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException ex) when (ex.InnerException is { } read && ClientGoneExceptionHandler.IsClientGone(context, read))
        {
            // The client hung up while its form was read: the exception handler's to let go, like any other reset.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(read);
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or AntiforgeryValidationException)
        {
            // The form itself could not be read (a NUL character, a malformed multipart body): it cannot
            // carry a valid token, and it is bad input, not a server error.
            valid = false;
        }

        if (!valid)
        {
            await context.WriteProblemAsync(
                StatusCodes.Status400BadRequest,
                "Antiforgery token missing or invalid",
                $"Unsafe requests need the antiforgery token (form field __RequestVerificationToken or header {HeaderName}; GET /api/me/ returns one), or an API token (Authorization: Bearer).");
            return;
        }

        await next(context);
    }
}
