using System.Text;
using FPbase.Web.Features.GraphQL.Caching;
using FPbase.Web.Features.GraphQL.Transport;
using FPbase.Web.Features.GraphQL.Types;
using FPbase.Web.Tests.Infrastructure;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>
/// What a hostile query can make the cache's resource walk cost: it runs before GraphQL.NET's own
/// limits, so it bounds itself (each fragment walked once per state, a selection budget).
/// </summary>
public sealed class GraphQLWalkBoundsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>query{...F1} fragment F1 on Query{...F2 ...F2} ... : 2^depth walks without memoization.</summary>
    private static string FragmentBomb(int depth)
    {
        var query = new StringBuilder("query{...F1}");
        for (var i = 1; i < depth; i++)
        {
            query.Append($" fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}");
        }

        return query.Append($" fragment F{depth} on Query{{__typename}}").ToString();
    }

    private IReadOnlyList<string>? Walk(string query)
    {
        var schema = site.App.Services.GetRequiredService<FpbaseSchema>();
        schema.Initialize();
        var document = GraphQLDocuments.TryParse(query) ?? throw new InvalidOperationException("unparsable test query");
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return GraphQLResourceWalker.Collect(schema, document, operation, null);
    }

    [Fact]
    public void AFragmentBombIsWalkedOncePerFragmentNotOncePerPath()
    {
        // 2^40 paths: without memoization this would not return in any test's lifetime.
        var resources = Walk(FragmentBomb(40));

        Assert.NotNull(resources);
        Assert.Equal([FPbase.Data.CacheDependencies.GraphQLSchema], resources);
    }

    [Fact]
    public void AQueryWithMoreSelectionsThanTheBudgetIsNotCachedRatherThanWalkedToTheEnd()
    {
        var fields = string.Join(' ', Enumerable.Range(0, GraphQLResourceWalker.MaxSelections + 1).Select(i => $"a{i}: __typename"));

        Assert.Null(Walk($"query{{{fields}}}"));
        Assert.NotNull(Walk("query{a: __typename b: __typename}"));
    }

    [Fact]
    public async Task AFragmentBombPostedToTheSiteIsAnsweredAndTheSiteStillServes()
    {
        var client = site.App.CreateClient();
        using var bomb = await client.PostAsync("/graphql/", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = FragmentBomb(30) }), Encoding.UTF8, "application/json"));

        // Refused before GraphQL.NET's validation, which would walk all 2^30 paths.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("fragments are expanded", await bomb.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/spectra-list/")).StatusCode);

        // The same fragments, used once each, are an ordinary query.
        using var fine = await client.PostAsync("/graphql/", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = "query{...A} fragment A on Query{...B} fragment B on Query{__typename}" }), Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, fine.StatusCode);
    }
}
