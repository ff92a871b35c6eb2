using System.Net;
using System.Text.Json;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// Lineage trees of any depth are served, and bad links cannot make a request run forever: a chain deeper than
/// the JSON serializer's default depth is a 200, and a parent cycle (two nodes each other's parent) is answered.
/// A class of its own: it rewires the lineages of its site's database.
/// </summary>
public sealed class LineageShapeTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const int ChainLength = 20;

    [Fact]
    public async Task ADeepLineageAndAParentCycleAreBothAnswered()
    {
        var chain = await site.App.WithDbAsync(async db =>
        {
            // A fresh forest on this class's own database: a chain, and two nodes that are each other's parent.
            var old = await db.Lineages.ToListAsync();
            old.ForEach(l => (l.ParentId, l.RootNodeId) = (null, null));
            await db.SaveChangesAsync();
            db.Lineages.RemoveRange(old);
            await db.SaveChangesAsync();

            var proteins = await db.Proteins.Where(p => p.Status == FPbase.Data.Entities.ProteinStatus.Approved)
                .OrderBy(p => p.Id).Take(ChainLength + 2).Select(p => new { p.Id, p.Slug }).ToListAsync();
            Assert.Equal(ChainLength + 2, proteins.Count);
            var nodes = proteins.Select(p => new FPbase.Data.Entities.Lineage { ProteinId = p.Id, Mutation = "A1B" }).ToList();
            db.Lineages.AddRange(nodes);
            await db.SaveChangesAsync();
            for (var i = 0; i < ChainLength; i++)
            {
                nodes[i].ParentId = i == 0 ? null : nodes[i - 1].Id;
                nodes[i].RootNodeId = nodes[0].Id;
            }

            nodes[ChainLength].ParentId = nodes[ChainLength + 1].Id;
            nodes[ChainLength + 1].ParentId = nodes[ChainLength].Id;
            await db.SaveChangesAsync();
            return proteins.Select(p => p.Slug).ToList();
        });

        using var client = site.App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);

        var deep = await client.GetAsync($"/ajax/lineage/{chain[ChainLength - 1]}/");
        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        using var json = JsonDocument.Parse(await deep.Content.ReadAsStringAsync(), new JsonDocumentOptions { MaxDepth = 1000 });
        Assert.Equal(ChainLength - 1, json.RootElement.GetProperty("max_depth").GetInt32());

        var cycle = await client.GetAsync($"/ajax/lineage/{chain[ChainLength]}/");
        Assert.True(cycle.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"a parent cycle answered {(int)cycle.StatusCode}");
    }
}
