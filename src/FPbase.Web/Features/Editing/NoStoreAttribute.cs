using Microsoft.AspNetCore.Mvc.Filters;

namespace FPbase.Web.Features.Editing;

/// <summary>
/// <c>Cache-Control: no-store</c> (or <paramref name="cacheControl"/>) on every response of an action: writes,
/// per-user answers and forms. Set just before the headers go out, so it wins over anything set earlier (the
/// antiforgery token generator's <c>no-cache, no-store</c>, a problem-details writer) and covers short-circuits
/// such as automatic 400s.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoStoreAttribute(string cacheControl = "no-store") : Attribute, IResourceFilter
{
    public string CacheControl { get; } = cacheControl;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var response = context.HttpContext.Response;
        response.Headers.CacheControl = CacheControl;
        response.OnStarting(() =>
        {
            response.Headers.CacheControl = CacheControl;
            response.Headers.Remove("Pragma");
            return Task.CompletedTask;
        });
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
