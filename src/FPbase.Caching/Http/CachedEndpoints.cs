using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FPbase.Caching.Http;

/// <summary>
/// The endpoints of the application that <c>UseHttpCaching</c> serves (its endpoint data sources, read when
/// asked, so endpoints mapped after it count), for the policy's validation: what each cached endpoint declares
/// must agree with the policy.
/// </summary>
internal sealed class CachedEndpoints
{
    private ICollection<EndpointDataSource>? _sources;

    public void Use(ICollection<EndpointDataSource> sources) => _sources = sources;

    /// <summary>Every endpoint with <see cref="CacheResourcesAttribute"/> metadata, by its name in the policy.</summary>
    public IEnumerable<(string Name, CacheResourcesAttribute Metadata)> All
        => (_sources ?? []).SelectMany(source => source.Endpoints)
            .Select(endpoint => (Endpoint: endpoint, Metadata: endpoint.Metadata.GetMetadata<CacheResourcesAttribute>()))
            .Where(e => e.Metadata is not null)
            .Select(e => (NameOf(e.Endpoint, e.Metadata!), e.Metadata!));

    /// <summary>The endpoint's name in the policy and its payload keys, as the middleware names it.</summary>
    public static string NameOf(Endpoint endpoint, CacheResourcesAttribute metadata) => metadata.Name ?? endpoint.DisplayName ?? string.Empty;
}
