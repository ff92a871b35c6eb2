using System.Net;
using System.Net.Http.Headers;
using FPbase.Data.Entities;
using FPbase.Web.Tests.GraphQL;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Caching;

/// <summary>
/// A URL may spell a row's key in more than one way (<c>/reference/066/</c>, a uuid in another case). Whatever
/// the spelling, the response depends on the resource the map bumps for the row it shows: after an edit, a
/// revalidation with the old ETag gets the new data, never a 304.
/// </summary>
public sealed class CanonicalKeyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Theory]
    [InlineData("/reference/066/")]
    [InlineData("/reference/+66/")]
    [InlineData("/reference/0066/")]
    public async Task AReferenceIdWithLeadingZerosOrASignIsRevalidatedAfterAnEdit(string url)
    {
        var etag = await PageRequests.ETagOf(_client, url);
        var summary = "Edited " + Guid.NewGuid();
        await PageRequests.Edit(site.App, async db => (await db.References.SingleAsync(r => r.Id == 66)).Summary = summary);

        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(summary, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reference/10.1016/0378-1119(95)00685-0/")]
    [InlineData("/reference/10.1016/0378-1119(95)00685-0//")]
    [InlineData("/reference/10.1016/0378-1119(95)00685-0")]
    public async Task AReferenceDoiInAnyCaseOrWithTrailingSlashesIsRevalidatedAfterAnEdit(string url)
    {
        foreach (var spelling in new[] { url, url.ToUpperInvariant() })
        {
            var etag = await PageRequests.ETagOf(_client, spelling);
            var summary = "Edited " + Guid.NewGuid();
            await PageRequests.Edit(site.App, async db => (await db.References.SingleAsync(r => r.Id == 66)).Summary = summary);

            var after = await PageRequests.GetIfNoneMatch(_client, spelling, etag);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Contains(summary, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>The lookup upper-cases a uuid and the resource lower-cases it: the same row either way.</summary>
    [Fact]
    public async Task AProteinPageByALowerCaseUuidIsRevalidatedAfterAnEdit()
    {
        var (slug, uuid) = await ProteinWithLetterInUuid();
        var url = $"/protein/{uuid.ToLowerInvariant()}/";
        var etag = await PageRequests.ETagOf(_client, url);
        var name = "Renamed " + Guid.NewGuid().ToString("N")[..8];
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == slug)).Name = name);

        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(name, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGraphQLProteinByALowerCaseUuidIsRevalidatedAfterAnEdit()
    {
        var (slug, uuid) = await ProteinWithLetterInUuid();
        const string query = "query($id: String) { protein(id: $id) { name } }";
        var variables = new { id = uuid.ToLowerInvariant() };
        var first = await _client.SendAsync(GraphQLClient.Post(query, variables));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"name\":", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");
        var name = "Renamed " + Guid.NewGuid().ToString("N")[..8];
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == slug)).Name = name);

        var after = await _client.SendAsync(GraphQLClient.Post(query, variables).WithIfNoneMatch(etag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(name, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<(string Slug, string Uuid)> ProteinWithLetterInUuid()
        => site.App.WithDbAsync(async db =>
        {
            var protein = await db.Proteins
                .Where(p => p.Status == ProteinStatus.Approved && p.Uuid.Contains("S") || p.Uuid.Contains("K") && p.Slug != "egfp" && p.Slug != "mcherry")
                .OrderBy(p => p.Id).Select(p => new { p.Slug, p.Uuid }).FirstAsync();
            return (protein.Slug, protein.Uuid);
        });
}
