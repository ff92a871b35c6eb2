using System.Net;
using System.Text.Json.Nodes;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>
/// GraphQL reads are cached like every other read: one ETag per query, variables and versions, over GET
/// and POST alike, that changes exactly when something the query can show changes.
/// </summary>
public sealed class GraphQLCachingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string EgfpQuery = """{ protein(id: "R9NL8") { name defaultState { qy exMax } states { spectra { id subtype } } } }""";
    private const string OrganismsQuery = "{ organisms { id } }";

    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task GetAndPostOfOneQueryShareAnETagAndBothAnswer304()
    {
        var post = await _client.SendAsync(GraphQLClient.Post(EgfpQuery));
        var get = await _client.SendAsync(GraphQLClient.Get(EgfpQuery));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.NotNull(post.Headers.ETag);
        Assert.Equal(post.Headers.ETag, get.Headers.ETag);
        Assert.Equal(await post.Content.ReadAsStringAsync(), await get.Content.ReadAsStringAsync());
        Assert.True(post.Headers.CacheControl!.Public);

        var before = site.App.Commands.Count;
        var postAgain = await _client.SendAsync(GraphQLClient.Post(EgfpQuery).WithIfNoneMatch(post.Headers.ETag!));
        var getAgain = await _client.SendAsync(GraphQLClient.Get(EgfpQuery).WithIfNoneMatch(post.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, postAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, getAgain.StatusCode);
        Assert.Empty(await postAgain.Content.ReadAsByteArrayAsync());
        Assert.Equal(post.Headers.ETag, postAgain.Headers.ETag);
        Assert.Equal(before, site.App.Commands.Count);
    }

    [Fact]
    public async Task WhitespaceAndVariableOrderDoNotMatterButVariableValuesDo()
    {
        const string query = "query($id: String!, $spectrum: Int) { protein(id: $id) { name } spectrum(id: $spectrum) { id } }";
        var compact = await _client.SendAsync(GraphQLClient.Post(query, new { id = "R9NL8", spectrum = 17 }));
        var spaced = await _client.SendAsync(GraphQLClient.Get("query ( $id : String! , $spectrum : Int )\n{\n  protein(id: $id) {\n    name # the name\n  }\n  spectrum(id: $spectrum) { id }\n}", new { spectrum = 17, id = "R9NL8" }));
        var other = await _client.SendAsync(GraphQLClient.Post(query, new { id = "ZERB6", spectrum = 17 }));

        Assert.NotNull(compact.Headers.ETag);
        Assert.Equal(compact.Headers.ETag, spaced.Headers.ETag);
        Assert.NotEqual(compact.Headers.ETag, other.Headers.ETag);
        Assert.Contains("mCherry", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task VariablesTheOperationDoesNotDeclareAreNoPartOfTheVariantAndCostNoBuild()
    {
        // As with query parameters: only what the query can read may enter its ETag and payload key, so random
        // values in variables it never declared neither build nor store a new copy.
        const string query = "query($id: String!) { protein(id: $id) { name } }";
        var first = await _client.SendAsync(GraphQLClient.Post(query, new { id = "R9NL8", n = Guid.NewGuid().ToString("N") }));
        var before = site.App.Commands.Count;
        var second = await _client.SendAsync(GraphQLClient.Get(query, new { id = "R9NL8", n = Guid.NewGuid().ToString("N"), m = 1 }));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(before, site.App.Commands.Count);
    }

    [Fact]
    public async Task HeadAnswersLikeGetWithoutABody()
    {
        var get = await _client.SendAsync(GraphQLClient.Get(OrganismsQuery));
        var headRequest = GraphQLClient.Get(OrganismsQuery);
        headRequest.Method = HttpMethod.Head;
        var head = await _client.SendAsync(headRequest);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ChangingEgfpsQuantumYieldChangesItsETagButNotTheOrganismsETag()
    {
        var protein = await _client.SendAsync(GraphQLClient.Post(EgfpQuery));
        var organisms = await _client.SendAsync(GraphQLClient.Post(OrganismsQuery));

        var qy = await site.App.WithDbAsync(async db =>
        {
            var state = await db.Proteins.Where(p => p.Uuid == "R9NL8").Select(p => p.DefaultState!).SingleAsync();
            state.Qy = Math.Round((state.Qy ?? 0.5) + 0.01, 2);
            await db.SaveChangesAsync();
            return state.Qy.Value;
        });

        var proteinAfter = await _client.SendAsync(GraphQLClient.Post(EgfpQuery).WithIfNoneMatch(protein.Headers.ETag!));
        var organismsAfter = await _client.SendAsync(GraphQLClient.Post(OrganismsQuery).WithIfNoneMatch(organisms.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, proteinAfter.StatusCode);
        Assert.NotEqual(protein.Headers.ETag, proteinAfter.Headers.ETag);
        var body = JsonNode.Parse(await proteinAfter.Content.ReadAsStringAsync())!;
        Assert.Equal(qy, (double)body["data"]!["protein"]!["defaultState"]!["qy"]!);
        Assert.Equal(HttpStatusCode.NotModified, organismsAfter.StatusCode);
    }

    [Fact]
    public async Task ChangingASpectrumsValuesChangesTheETagOfAQueryShowingIt()
    {
        const string query = "{ spectrum(id: 18) { data } }";
        var before = await _client.SendAsync(GraphQLClient.Get(query));

        await site.App.WithDbAsync(async db =>
        {
            var spectrum = await db.Spectra.SingleAsync(s => s.Id == 18);
            var values = spectrum.Values.ToArray();
            values[0] += 0.5f;
            spectrum.SetData(spectrum.MinWave, values);
            await db.SaveChangesAsync();
        });

        var after = await _client.SendAsync(GraphQLClient.Get(query).WithIfNoneMatch(before.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EditingAnotherProteinLeavesEgfpsETagAlone()
    {
        var egfp = await _client.SendAsync(GraphQLClient.Post(EgfpQuery));

        await site.App.WithDbAsync(async db =>
        {
            var mcherry = await db.Proteins.SingleAsync(p => p.Uuid == "ZERB6");
            mcherry.Blurb += " (edited)";
            await db.SaveChangesAsync();
        });

        var again = await _client.SendAsync(GraphQLClient.Post(EgfpQuery).WithIfNoneMatch(egfp.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task AListQueryReachingTransitionsIsCachedAndATransitionEditChangesItsETag()
    {
        const string query = "{ proteins { name transitions { transWave } } }";
        var before = await _client.SendAsync(GraphQLClient.Post(query));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.NotNull(before.Headers.ETag);

        var changed = await site.App.WithDbAsync(async db =>
        {
            var transition = await db.StateTransitions.OrderBy(t => t.Id).FirstAsync();
            transition.TransWave = transition.TransWave == 405 ? 488 : 405;
            await db.SaveChangesAsync();
            return true;
        });
        Assert.True(changed);

        var after = await _client.SendAsync(GraphQLClient.Post(query));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);

        // Under one protein, its page's resource covers them too.
        var one = await _client.SendAsync(GraphQLClient.Post("""{ protein(id: "R9NL8") { transitions { transWave } oser { percent } } }"""));
        Assert.NotNull(one.Headers.ETag);
    }

    [Fact]
    public async Task AllProteinsIsCachedAndChangesWithAProteinAndWithTheReferencesItsFiltersRead()
    {
        const string byName = """{ allProteins(name_Icontains: "cherry", first: 5) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }""";
        const string byYear = """{ allProteins(primaryReference_Year_Gte: 1900, first: 5) { edges { node { name } } } }""";
        var name = await _client.SendAsync(GraphQLClient.Post(byName));
        var year = await _client.SendAsync(GraphQLClient.Post(byYear));
        Assert.Equal(HttpStatusCode.OK, name.StatusCode);
        Assert.NotNull(name.Headers.ETag);
        Assert.NotNull(year.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(GraphQLClient.Post(byName).WithIfNoneMatch(name.Headers.ETag!))).StatusCode);

        // A reference's year decides which proteins the second query holds, though it shows none of the reference.
        await site.App.WithDbAsync(async db =>
        {
            var reference = await db.Proteins.Where(p => p.PrimaryReference != null).OrderBy(p => p.Name).Select(p => p.PrimaryReference!).FirstAsync();
            reference.Year = reference.Year == 1899 ? 1898 : 1899;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(GraphQLClient.Post(byYear).WithIfNoneMatch(year.Headers.ETag!))).StatusCode);

        await site.App.WithDbAsync(async db =>
        {
            var mcherry = await db.Proteins.SingleAsync(p => p.Uuid == "ZERB6");
            mcherry.Blurb += " (edited)";
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(GraphQLClient.Post(byName).WithIfNoneMatch(name.Headers.ETag!))).StatusCode);
    }

    [Fact]
    public async Task ListsOfEveryRowLoadInAFewQueriesWhateverTheirSize()
    {
        var before = site.App.Commands.Count;
        var data = await _client.DataAsync("{ proteins { id states { name spectra { id data owner { name } } } references { doi authors { familyName } } parentOrganism { id } } }");
        var commands = site.App.Commands.Count - before;

        var visible = await site.App.WithDbAsync(db => db.Proteins.CountAsync(p => p.Status != ProteinStatus.Hidden));
        Assert.True(visible > 10);
        Assert.Equal(visible, data["proteins"]!.AsArray().Count);
        Assert.InRange(commands, 1, 12);
    }

    [Fact]
    public async Task IntrospectionIsCached()
    {
        var response = await _client.SendAsync(GraphQLClient.Post("{ __schema { queryType { name } types { name } } }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("SpectrumOwnerInterface", await response.Content.ReadAsStringAsync());
    }
}
