using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// A client that hung up while its request was read or answered is not a server error: nothing can be sent, and
/// logging it as an unhandled exception buried real failures under every dropped connection (the hostile benchmark
/// logged one per reset). Handled here first, at Debug; since .NET 10 the exception handler middleware then records
/// no diagnostics for it, and the request is aborted rather than drained. Any other exception, even on an aborted
/// request, goes on to the other handlers.
/// </summary>
internal sealed class ClientGoneExceptionHandler(ILogger<ClientGoneExceptionHandler> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsClientGone(httpContext, exception))
        {
            return ValueTask.FromResult(false);
        }

        logger.LogDebug(exception, "The client went away during {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);

        // A reset while the body was read leaves Kestrel's body reader mid-read, and Kestrel logs an error when it then
        // drains the rest (dotnet/aspnetcore#17840): one error line per reset, for any client to cause. Nothing can
        // reach a client that is gone, so the request is aborted instead of drained.
        httpContext.Abort();
        return ValueTask.FromResult(true);
    }

    internal static bool IsClientGone(HttpContext context, Exception exception)
        => exception is ConnectionResetException
            || (exception is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested);
}
