using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// Turns a database that cannot be reached, or a write whose new versions could not be confirmed
/// (<see cref="FPbase.Caching.ResourceVersionsUnconfirmedException"/>: saved, but not yet visible
/// everywhere), into 503 Service Unavailable with Retry-After.
/// </summary>
internal sealed class DependencyUnavailableExceptionHandler(ILogger<DependencyUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unconfirmed = exception as FPbase.Caching.ResourceVersionsUnconfirmedException ?? exception.InnerException as FPbase.Caching.ResourceVersionsUnconfirmedException;
        if (unconfirmed is null && exception is not (DbException or TimeoutException) && exception.InnerException is not (DbException or TimeoutException))
        {
            return false;
        }

        logger.LogWarning(exception, "A dependency did not answer.");
        httpContext.Response.Headers.RetryAfter = "5";
        return await httpContext.WriteProblemAsync(
            StatusCodes.Status503ServiceUnavailable,
            "Service Unavailable",
            unconfirmed is null
                ? "The database did not answer. Try again shortly."
                : "The change was saved, but the caches could not confirm it yet, so it is not acknowledged: it becomes visible everywhere within seconds. Read it back before repeating it.",
            exception);
    }
}
