using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.GraphQL.Caching;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Routes;

/// <summary>
/// Every resource any endpoint of the real site depends on (its <see cref="EndpointDataSource"/>, including
/// endpoints added after this test was written, and what the GraphQL and DOI resolvers name) is one the
/// dependency map can bump, and every per-row placeholder names its row as the map does.
/// </summary>
public sealed class ResourceNameTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public void EveryResourceAnEndpointNamesIsOneTheMapCanBump()
    {
        var endpoints = site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Metadata: e.Metadata.GetMetadata<CacheResourcesAttribute>()))
            .Where(e => e.Metadata is not null)
            .ToList();

        // The audit sees the site's per-row, list and resolved endpoints.
        Assert.Contains(endpoints, e => e.Metadata!.Resources.Contains(CacheDependencies.ProteinBySlug));
        Assert.Contains(endpoints, e => e.Metadata!.Resources.Contains(CacheDependencies.ReferenceById));
        Assert.Contains(endpoints, e => e.Metadata!.Resources.Contains(CacheDependencies.Spectra));
        Assert.Contains(endpoints, e => e.Metadata!.Resolver == typeof(GraphQLResourceResolver));

        var problems = endpoints.SelectMany(e => ResourceNameAudit.Problems(e.Endpoint.DisplayName ?? "?", e.Endpoint.RoutePattern, e.Metadata!)).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ATypoInAResourceNameIsFound()
    {
        var problems = ResourceNameAudit.NotBumpable("test", ["proteins:{slug}", CacheDependencies.ProteinBySlug, "protien", CacheDependencies.Spectra, "spectrum:*"]).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains("'proteins:{slug}'", problems[0], StringComparison.Ordinal);
        Assert.Contains("'protien'", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ATypoOnAnEndpointIsFoundAsAreAnIntRouteValueNamedAsTextAndAPlaceholderTheRouteLacks()
    {
        var route = RoutePatternFactory.Parse("/reference/{id:int}/");
        Assert.Empty(ResourceNameAudit.Problems("ok", route, new CacheResourcesAttribute(CacheDependencies.ReferenceById, CacheDependencies.Proteins)));

        Assert.Single(ResourceNameAudit.Problems("typo", route, new CacheResourcesAttribute("references:{id:int}")));
        Assert.Contains("{id:int}", Assert.Single(ResourceNameAudit.Problems("raw int", route, new CacheResourcesAttribute("reference:{id}"))), StringComparison.Ordinal);
        Assert.Contains("does not have", Assert.Single(ResourceNameAudit.Problems("missing", route, new CacheResourcesAttribute("reference:{slug}"))), StringComparison.Ordinal);
        Assert.Contains("does not constrain", Assert.Single(ResourceNameAudit.Problems("not int", RoutePatternFactory.Parse("/protein/{slug}/"), new CacheResourcesAttribute("protein:{slug:int}"))), StringComparison.Ordinal);
    }

    [Fact]
    public void TheMapCanBumpItsListsAndFamiliesAndNothingElse()
    {
        Assert.True(CacheDependencies.CanBump(CacheDependencies.OpticalConfigs));
        Assert.True(CacheDependencies.CanBump(ResourceNames.Row(CacheDependencies.ReferenceRow, "10.1016/0378-1119(95)00685-0")));
        Assert.True(CacheDependencies.CanBump(ResourceNames.FamilyOf(CacheDependencies.DyeRow)));
        Assert.False(CacheDependencies.CanBump("proteins:{slug}"));
        Assert.False(CacheDependencies.CanBump(CacheDependencies.GraphQLSchema));
    }
}
