namespace FPbase.Web.Infrastructure;

/// <summary>
/// The one way the site answers with an error of its own: the status, <c>Cache-Control: no-store</c> (an error is
/// never stored, so it cannot outlive its cause) and an RFC 9457 problem-details body. A client whose Accept
/// rules out JSON gets the status without a body rather than a 500.
/// </summary>
internal static class ProblemResponses
{
    public static ValueTask<bool> WriteProblemAsync(
        this HttpContext context, int status, string title, string detail, Exception? exception = null, string? type = null)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = detail,
                Type = type,
            },
        });
    }
}
