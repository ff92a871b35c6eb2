using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>FPbase's lineage JSON, as its lineage chart reads it.</summary>
public sealed class LineageJsonTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheTreeHasFpbasesShapeAndHoldsTheProteinItsAncestorsAndDescendants()
    {
        var (slug, parent) = await site.App.WithDbAsync(async db =>
        {
            var node = await db.Lineages
                .Where(l => l.Parent != null && l.Protein.Status != ProteinStatus.Hidden && l.Parent.Protein.Status != ProteinStatus.Hidden)
                .OrderBy(l => l.Id).Select(l => new { l.Protein.Slug, Parent = l.Parent!.Protein.Slug }).FirstAsync();
            return (node.Slug, node.Parent);
        });

        var response = await _client.GetAsync($"/ajax/lineage/{slug}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("fakeroot", root.GetProperty("name").GetString());
        var widths = root.GetProperty("widths").EnumerateObject().ToDictionary(p => int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetInt32());
        Assert.Equal(widths.Values.Max(), root.GetProperty("max_width").GetInt32());
        Assert.Equal(widths.Keys.Max(), root.GetProperty("max_depth").GetInt32());
        Assert.Equal(widths.Values.Sum(), root.GetProperty("tot_nodes").GetInt32());

        var tree = Assert.Single(root.GetProperty("children").EnumerateArray());
        var nodes = Flatten(tree).ToList();
        Assert.Equal(widths.Values.Sum(), nodes.Count);
        Assert.Contains(nodes, n => n.GetProperty("slug").GetString() == slug);
        Assert.Contains(nodes, n => n.GetProperty("slug").GetString() == parent);
        foreach (var node in nodes)
        {
            foreach (var key in new[] { "name", "mut", "url", "bg", "slug", "ref", "rootmut" })
            {
                Assert.Equal(JsonValueKind.String, node.GetProperty(key).ValueKind);
            }

            Assert.Equal($"/protein/{node.GetProperty("slug").GetString()}/", node.GetProperty("url").GetString());
            if (node.TryGetProperty("children", out var children))
            {
                Assert.NotEqual(0, children.GetArrayLength());
            }
        }
    }

    [Fact]
    public async Task TheTreeRevalidatesWithA304AndShowsAnEditedMutationAtOnce()
    {
        var (slug, lineageId) = await site.App.WithDbAsync(async db =>
        {
            var node = await db.Lineages.Where(l => l.Parent != null && l.Protein.Status != ProteinStatus.Hidden && l.Parent.Protein.Status != ProteinStatus.Hidden)
                .OrderByDescending(l => l.Id).Select(l => new { l.Protein.Slug, l.Id }).FirstAsync();
            return (node.Slug, node.Id);
        });
        var url = $"/ajax/lineage/{slug}/";
        var etag = await PageRequests.ETagOf(_client, url);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, etag)).StatusCode);

        const string mutation = "K79Q/T203Y";
        await PageRequests.Edit(site.App, async db => (await db.Lineages.SingleAsync(l => l.Id == lineageId)).Mutation = mutation);

        using var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        var node = Flatten(Assert.Single(json.RootElement.GetProperty("children").EnumerateArray())).Single(n => n.GetProperty("slug").GetString() == slug);
        Assert.Equal(mutation, node.GetProperty("mut").GetString());
    }

    [Fact]
    public async Task AProteinOutsideAnyLineageIs404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/ajax/lineage/no-such-protein/")).StatusCode);
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("children", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Flatten))
            {
                yield return child;
            }
        }
    }
}
