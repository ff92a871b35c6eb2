using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Http;

namespace FPbase.Web.Features.References;

/// <summary>
/// The per-row resource of <c>/reference/{doi}/</c>: <c>reference:{doi}</c>, from the catch-all route value
/// without FPbase's trailing slash and lower-cased, as DOIs are stored (CacheDependencies bumps a reference's
/// DOI with its id). A catch-all route value cannot be used as a <c>{placeholder}</c> directly, because it
/// keeps the trailing slash.
/// </summary>
public sealed class ReferenceDoiResolver : IRequestResourceResolver
{
    public ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var doi = Normalize(context.Request.RouteValues["doi"] as string);
        return ValueTask.FromResult<ResolvedResources?>(doi.Length == 0
            ? null
            : new ResolvedResources(CacheDependencies.ReferencePage(doi), string.Empty));
    }

    public static string Normalize(string? doi) => (doi ?? string.Empty).Trim().TrimEnd('/').ToLowerInvariant();
}
