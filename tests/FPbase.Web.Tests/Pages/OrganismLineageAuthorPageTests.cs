using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// <c>/organisms/</c>, <c>/organism/{id}/</c>, <c>/lineage/</c> and <c>/reference/author/{id}/</c>: content, 304 on
/// revalidation and new data at once after an edit of what they show.
/// </summary>
public sealed class OrganismLineageAuthorPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    // Aequorea victoria, EGFP's organism in the real FPbase sample.
    private const int Aequorea = 6100;
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheOrganismsListCountsProteinsAndAnOrganismPageListsItsProteins()
    {
        var list = await _client.GetStringAsync("/organisms/");
        var count = await site.App.WithDbAsync(db => db.Proteins.CountAsync(p => p.ParentOrganismId == Aequorea && p.Status != FPbase.Data.Entities.ProteinStatus.Hidden));
        Assert.Contains($"<tr data-id=\"{Aequorea}\">", list, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"n\">{count}</td>", list, StringComparison.Ordinal);

        var page = await _client.GetStringAsync($"/organism/{Aequorea}/");
        Assert.Contains("<i>Aequorea victoria</i>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/protein/egfp/\">EGFP</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/protein/mcherry/\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/organism/999999999/")).StatusCode);
    }

    [Fact]
    public async Task OrganismPagesChangeAtOnceWhenAProteinMovesToTheOrganism()
    {
        var a = await site.App.WithDbAsync(db => db.Proteins
            .Where(p => p.Status == FPbase.Data.Entities.ProteinStatus.Approved && p.Slug != "egfp" && p.Slug != "mcherry" && p.ParentOrganismId != Aequorea)
            .OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var url = $"/organism/{Aequorea}/";
        var etag = await PageRequests.ETagOf(_client, url);
        var listTag = await PageRequests.ETagOf(_client, "/organisms/");
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, "/organisms/", listTag)).StatusCode);

        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == a)).ParentOrganismId = Aequorea);

        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains($"<a href=\"/protein/{a}/\">", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PageRequests.GetIfNoneMatch(_client, "/organisms/", listTag)).StatusCode);
    }

    [Fact]
    public async Task TheLineagePageShowsEveryTreeAndChangesAtOnceWhenAMutationIsEdited()
    {
        var node = await site.App.WithDbAsync(db => db.Lineages.Where(l => l.ParentId != null && l.Protein.Status != FPbase.Data.Entities.ProteinStatus.Hidden && l.Parent!.Protein.Status != FPbase.Data.Entities.ProteinStatus.Hidden)
            .OrderBy(l => l.Id).Select(l => new { l.Id, l.Protein.Slug, Parent = l.Parent!.Protein.Slug }).FirstAsync());
        var response = await _client.GetAsync("/lineage/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var parentAt = html.IndexOf($"data-slug=\"{node.Parent}\"", StringComparison.Ordinal);
        var childAt = html.IndexOf($"data-slug=\"{node.Slug}\"", StringComparison.Ordinal);
        Assert.True(parentAt >= 0 && childAt > parentAt, "a child is listed after (under) its parent");
        Assert.Equal(html.Split("<ul").Length, html.Split("</ul>").Length); // balanced nested lists

        var etag = response.Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, "/lineage/", etag)).StatusCode);
        var mutation = "Q" + Random.Shared.Next(100, 999) + "K";
        await PageRequests.Edit(site.App, async db => (await db.Lineages.SingleAsync(l => l.Id == node.Id)).Mutation = mutation);
        var after = await PageRequests.GetIfNoneMatch(_client, "/lineage/", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains($"<span class=\"mutation\"> {mutation}</span>", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorPageIsServedAndNotSwallowedByTheDoiRoute()
    {
        // Before the author route, /reference/author/{id}/ was a DOI "author/{id}" and answered 404.
        var author = await site.App.WithDbAsync(db => db.ReferenceAuthors.OrderBy(ra => ra.AuthorId)
            .Select(ra => new { ra.AuthorId, ra.Author.FamilyName, ra.ReferenceId }).FirstAsync());
        var url = $"/reference/author/{author.AuthorId}/";
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(author.FamilyName, html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/reference/{author.ReferenceId}/\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/reference/author/999999999/")).StatusCode);

        var etag = response.Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, etag)).StatusCode);
        var renamed = "Renamed" + Guid.NewGuid().ToString("N")[..6];
        await PageRequests.Edit(site.App, async db => (await db.Authors.SingleAsync(a => a.Id == author.AuthorId)).FamilyName = renamed);
        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(renamed, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
