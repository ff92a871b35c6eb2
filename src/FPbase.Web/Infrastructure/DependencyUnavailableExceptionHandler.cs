using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace FPbase.Web.Infrastructure;

/// <summary>Turns a database that cannot be reached into 503 Service Unavailable with Retry-After.</summary>
internal sealed class DependencyUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<DependencyUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (DbException or TimeoutException) && exception.InnerException is not (DbException or TimeoutException))
        {
            return false;
        }

        logger.LogWarning(exception, "A dependency did not answer.");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        httpContext.Response.Headers.CacheControl = "no-store";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = "The database did not answer. Try again shortly.",
            },
        });
    }
}
