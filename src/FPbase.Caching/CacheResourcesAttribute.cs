using FPbase.Caching.Http;

namespace FPbase.Caching;

/// <summary>
/// Declares the resources an endpoint's response is built from. The HTTP caching middleware then
/// gives the response a versioned ETag, answers conditional requests (304/412) before the endpoint
/// runs, and keeps the built bytes under a versioned key. Works on MVC actions and controllers; for
/// minimal endpoints use <c>.CacheResources(...)</c>, which adds the same metadata.
/// </summary>
/// <remarks>
/// A resource may name a route value, as in <c>protein:{slug}</c>: the value is lower-cased (or, for
/// <c>{id:int}</c>, written as the number the int route constraint accepts), and the response then also
/// depends on <c>protein:*</c>, which set-based writes bump.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class CacheResourcesAttribute : Attribute
{
    /// <summary>Declares the resources the response depends on.</summary>
    public CacheResourcesAttribute(params string[] resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Resources = resources;
        Templates = resources.Select(ResourceTemplate.Parse).ToArray();
        _hasRouteValues = Templates.Any(t => t.HasPlaceholders);
    }

    private readonly bool _hasRouteValues;

    /// <summary>The resources, possibly with <c>{routeValue}</c> placeholders.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>
    /// The endpoint's name in its ETags and payload keys. Routes that serve the same resource share a name,
    /// and with it their ETags. Default: the endpoint's display name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// The endpoint's freshness class, one the policy's <c>HttpCaching:FreshnessClasses</c> defines (the only place an
    /// endpoint's class is chosen). Default: the policy's <c>DefaultClass</c>. Not with <see cref="VaryByUser"/>, whose
    /// class is always the policy's <c>PrivateClass</c>: an endpoint setting both, or naming a class the policy does not
    /// define, is refused when the policy is validated (at start).
    /// </summary>
    public string? FreshnessClass { get; set; }

    /// <summary>
    /// Whether the body depends on who asks. Such responses use the policy's <c>PrivateClass</c> (<c>private</c>),
    /// vary on Cookie and Authorization, and carry ETags that differ per user. Default false.
    /// </summary>
    public bool VaryByUser { get; set; }

    /// <summary>
    /// Whether POST requests are safe reads here (a GraphQL query endpoint): they are then
    /// answered like GET, including 304. Default false: a POST with a matching If-None-Match gets 412.
    /// </summary>
    public bool PostIsSafe { get; set; }

    /// <summary>
    /// An <see cref="IRequestResourceResolver"/> type that says per request what the response is built
    /// from (added to the declared <see cref="Resources"/>, which may then be empty). Default: none.
    /// </summary>
    public Type? Resolver { get; set; }

    /// <summary>
    /// Whether the representation is one row's, guarded by a concurrency token, and its writes check If-Match in their
    /// own transaction: the read reports the row version it is built from
    /// (<see cref="RepresentationVersions.SetRepresentationVersion"/>), and a write whose If-Match matches is handed
    /// that version (<see cref="RepresentationVersions.IfMatchRowVersion"/>). When the version behind a matching ETag is
    /// no longer known (its payload was evicted), the write is a 412: the client reads again and retries. Default false.
    /// </summary>
    public bool ConcurrencyToken { get; set; }

    internal IReadOnlyList<ResourceTemplate> Templates { get; }

    /// <summary>
    /// The <see cref="QueryParameters"/> type that declares the query parameters the endpoint reads; the endpoint
    /// sees only those, canonicalized, and only they enter its ETag and payload key. Default: none (the endpoint
    /// sees no query string, and any query string shares the response without one).
    /// </summary>
    public Type? Query
    {
        get => _query;
        set
        {
            if (value is not null && (!typeof(QueryParameters).IsAssignableFrom(value) || value.GetConstructor(Type.EmptyTypes) is null))
            {
                throw new ArgumentException($"{value} must derive from {nameof(QueryParameters)} and have a public parameterless constructor.", nameof(value));
            }

            _query = value;
            Parameters = value is null ? QueryParameters.None : (QueryParameters)Activator.CreateInstance(value)!;
        }
    }

    private Type? _query;

    internal QueryParameters Parameters { get; private set; } = QueryParameters.None;

    /// <summary>
    /// Whether a current representation always exists (a list), so <c>*</c> can be answered before
    /// the endpoint runs; per-row and resolved resources may name a row that does not exist.
    /// </summary>
    internal bool AlwaysExists => Resolver is null && !_hasRouteValues;
}
