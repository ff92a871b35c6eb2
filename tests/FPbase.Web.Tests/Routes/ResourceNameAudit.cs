using FPbase.Caching;
using FPbase.Caching.Http;
using FPbase.Data;
using FPbase.Web.Features.GraphQL.Caching;
using FPbase.Web.Features.References;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FPbase.Web.Tests.Routes;

/// <summary>
/// Checks the resource names endpoints depend on against the dependency map's own rules
/// (<see cref="CacheDependencies.CanBump"/>): a name no rule can bump compiles, passes every other test and
/// is answered 304 forever.
/// </summary>
internal static class ResourceNameAudit
{
    /// <summary>Every problem of one endpoint's <see cref="CacheResourcesAttribute"/>, as readable lines.</summary>
    public static IEnumerable<string> Problems(string endpoint, RoutePattern route, CacheResourcesAttribute metadata)
    {
        foreach (var (text, template) in metadata.Resources.Zip(metadata.Templates))
        {
            foreach (var problem in NotBumpable(endpoint, [text]))
            {
                yield return problem;
            }

            foreach (var (routeValue, isInt) in template.Placeholders)
            {
                if (route.GetParameter(routeValue) is null)
                {
                    yield return $"{endpoint}: '{text}' names route value '{routeValue}', which the route {route.RawText} does not have";
                }
                else if (IsIntParameter(route, routeValue) != isInt)
                {
                    yield return isInt
                        ? $"{endpoint}: '{text}' reads '{routeValue}' as an int, but the route {route.RawText} does not constrain it to one"
                        : $"{endpoint}: the route {route.RawText} accepts '{routeValue}' as an int (066, +66): name it '{{{routeValue}:{ResourceTemplate.IntConstraint}}}' so every spelling names the row the map bumps";
                }
            }
        }

        if (metadata.Resolver is { } resolver)
        {
            foreach (var problem in NotBumpable(endpoint + " via " + resolver.Name, ResolverResources(resolver)))
            {
                yield return problem;
            }
        }
    }

    /// <summary>The names no rule of the map can bump (the GraphQL schema and the site's pages, which only the build changes, aside).</summary>
    public static IEnumerable<string> NotBumpable(string where, IEnumerable<string> resources)
        => resources.Where(r => !CacheDependencies.BuildOnly.Contains(r) && !CacheDependencies.CanBump(r))
            .Select(r => $"{where}: no rule of CacheDependencies can bump '{r}': the response would be answered 304 forever");

    /// <summary>Everything a resolver can name: the resources of the GraphQL map, a sample DOI page's, none for the GenBank fragment's.</summary>
    private static IEnumerable<string> ResolverResources(Type resolver)
    {
        if (resolver == typeof(GraphQLResourceResolver))
        {
            return GraphQLResourceMap.ByType.Values.SelectMany(r => r)
                .Append(GraphQLResourceMap.Schema)
                .Concat(CacheDependencies.ProteinPage("R9NL8"));
        }

        if (resolver == typeof(ReferenceDoiResolver))
        {
            var context = new DefaultHttpContext();
            context.Request.RouteValues["doi"] = "10.1016/0378-1119(95)00685-0/";
            var resolved = new ReferenceDoiResolver().ResolveAsync(context).AsTask().GetAwaiter().GetResult();
            return resolved?.Resources ?? ["(the DOI resolver named nothing for a DOI)"];
        }

        if (resolver == typeof(FPbase.Web.Features.Fret.FretListResolver))
        {
            // It adds no resources of its own (the endpoints declare spectra and proteins), only its variant.
            var resolved = new FPbase.Web.Features.Fret.FretListResolver(new FixedVersions(), new FPbase.Web.Features.Fret.ForsterListResults())
                .ResolveAsync(new DefaultHttpContext()).AsTask().GetAwaiter().GetResult();
            return resolved?.Resources ?? ["(the FRET list resolver named nothing)"];
        }

        if (resolver == typeof(FPbase.Web.Features.Proteins.GenBank.GenBankFragmentResolver))
        {
            // It names no resource: it adds the GenBank record's fingerprint to the variant (the record is not ours to bump).
            return [];
        }

        if (resolver == typeof(FPbase.Web.Features.Crawlers.SiteOriginResolver))
        {
            // It names no resource: it adds the origin of the response's absolute URLs to the variant.
            return [];
        }

        return [$"({resolver.Name}: the audit does not know what this resolver names; teach ResourceNameAudit)"];
    }

    private static bool IsIntParameter(RoutePattern route, string name)
        => route.ParameterPolicies.TryGetValue(name, out var policies)
            && policies.Any(p => p.Content == ResourceTemplate.IntConstraint || p.ParameterPolicy is IntRouteConstraint);

    private sealed class FixedVersions : IResourceVersions
    {
        public ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken) => ValueTask.FromResult<string?>("stamp");
    }
}
