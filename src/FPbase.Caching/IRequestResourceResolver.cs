using Microsoft.AspNetCore.Http;

namespace FPbase.Caching;

/// <summary>
/// Says, per request, what a response is built from, for endpoints whose resources depend on the
/// request body (a GraphQL query's root fields). Named by <see cref="CacheResourcesAttribute.Resolver"/>
/// and resolved from the request's services. Runs before the endpoint: an implementation that reads
/// the body must buffer it and rewind it for the endpoint.
/// </summary>
public interface IRequestResourceResolver
{
    /// <summary>The resources and the request's variant key, or null when the request must not be cached (a mutation, a malformed request).</summary>
    ValueTask<ResolvedResources?> ResolveAsync(HttpContext context);
}

/// <summary>What one request's response is built from.</summary>
/// <param name="Resources">The resources, with route values already filled in.</param>
/// <param name="Variant">
/// Everything else of the request that shapes the body (for GraphQL: the normalized query, operation name and
/// variables). Requests with the same variant and versions get the same ETag and share cached bytes.
/// </param>
/// <param name="Settled">
/// False when the body shows a passing state that will change without any bump (a list still being computed): the
/// ETag still names it, so browsers revalidate past it, but no edge node may keep it (<see cref="EdgeCacheOptions"/>),
/// since no purge would ever come to end it.
/// </param>
public sealed record ResolvedResources(IReadOnlyList<string> Resources, string Variant, bool Settled = true);
