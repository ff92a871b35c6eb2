using FPbase.Web.Infrastructure;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Every error is an RFC 9457 (formerly 7807) problem-details body: unknown routes, bad input,
/// oversized bodies, and failures, which never show a stack trace. A database that does not answer
/// is a 503, not a 500; a write that lost to a concurrent one is a 412 or 409; a client that hung up gets
/// nothing and is no error.
/// </summary>
internal static class ProblemDetailsHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseProblemDetails(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientGoneExceptionHandler>();
        builder.Services.AddExceptionHandler<FPbase.Web.Features.Editing.Concurrency.ConcurrentWriteExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        return builder;
    }

    public static WebApplication UseFpbaseProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
