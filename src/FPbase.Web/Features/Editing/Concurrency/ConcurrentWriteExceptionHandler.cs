using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using FPbase.Web.Infrastructure;

namespace FPbase.Web.Features.Editing.Concurrency;

/// <summary>
/// A write whose row another write changed first (<see cref="DbUpdateConcurrencyException"/>: the UPDATE or DELETE
/// matched no row at the version expected). Nothing was saved: the transaction rolled back. With If-Match it is a
/// 412 (the client's version is no longer current, RFC 9110 §13.1.1); without, a 409 Conflict: two edits of one row
/// met, and this one lost. A unique key another request inserted first (<see cref="UniqueViolation"/>) is a 409 too.
/// Either way a problem, never a 500, nor the 503 a database error would otherwise get.
/// </summary>
internal sealed class ConcurrentWriteExceptionHandler(ILogger<ConcurrentWriteExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException && !UniqueViolation.Is(exception))
        {
            return false;
        }

        // A unique key another request inserted first is a conflict whatever the precondition said.
        var conditional = exception is DbUpdateConcurrencyException && httpContext.Request.Headers.IfMatch.Count > 0;
        logger.LogInformation("A {Kind} write lost to a concurrent one: {Method} {Path}", conditional ? "conditional" : "unconditional", httpContext.Request.Method, httpContext.Request.Path);
        return await httpContext.WriteProblemAsync(
            conditional ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            conditional ? "Precondition Failed" : "Conflict",
            conditional
                ? "Another write changed this resource after the version your If-Match names. Nothing was changed: read it again and retry."
                : "Another write changed this resource at the same time. Nothing was changed: retry.",
            exception,
            conditional ? "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13" : "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10");
    }
}
