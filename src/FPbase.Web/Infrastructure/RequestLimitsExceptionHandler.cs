using Microsoft.AspNetCore.Diagnostics;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// A <see cref="BadHttpRequestException"/> that escaped an endpoint (a body over the size limit, cut off while
/// being read; a malformed request the server refused) is answered with its own status as problem details,
/// not as a 500.
/// </summary>
internal sealed class RequestLimitsExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if ((exception as BadHttpRequestException ?? exception.InnerException as BadHttpRequestException) is not { } bad)
        {
            return false;
        }

        return await httpContext.WriteProblemAsync(
            bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Content Too Large" : "Bad Request",
            bad.Message,
            exception);
    }
}
