using System.Net;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// An edit to protein A changes A's page ETag, leaves protein B's page ETag alone, and changes the lists
/// that show A. Each test takes its own pair of proteins, so the tests do not see each other's edits.
/// </summary>
public sealed class ProteinPageInvalidationTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task RenamingAChangesItsPageTheTableAndTheReferencesButNotB()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 0);
        var before = await Snapshot(a, b, "/table/", "/references/");
        var name = "Renamed " + Guid.NewGuid().ToString("N")[..6];

        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == a)).Name = name);

        var after = await Snapshot(a, b, "/table/", "/references/");
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
        Assert.NotEqual(before[2], after[2]);
        Assert.NotEqual(before[3], after[3]);
        Assert.Contains(name, await _client.GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);
        Assert.Contains(name, await _client.GetStringAsync("/table/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheQuantumYieldOfAStateOfAChangesItsPageAndTheTableButNotB()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 1);
        var before = await Snapshot(a, b, "/table/");

        await PageRequests.Edit(site.App, async db =>
        {
            var state = await db.States.OrderBy(s => s.Id).FirstAsync(s => s.Protein.Slug == a);
            state.Qy = 0.123;
        });

        var after = await Snapshot(a, b, "/table/");
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
        Assert.NotEqual(before[2], after[2]);
        Assert.Contains("<td class=\"qy\">0.123</td>", await _client.GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAReferenceToAChangesItsPageAndTheReferencesListButNotB()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 2);
        var doi = $"10.9999/pages.{Guid.NewGuid():N}";
        var before = await Snapshot(a, b, "/references/");

        await PageRequests.Edit(site.App, async db =>
        {
            var protein = await db.Proteins.SingleAsync(p => p.Slug == a);
            db.ProteinReferences.Add(new ProteinReference
            {
                Protein = protein,
                Reference = new Reference { Doi = doi, Title = "A new paper", Citation = "Newman et al. (2026)", Year = 2026 },
            });
        });

        var after = await Snapshot(a, b, "/references/");
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
        Assert.NotEqual(before[2], after[2]);
        Assert.Contains($"data-doi=\"{doi}\"", await _client.GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExcerptCitingAChangesItsPageButNotB()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 3);
        var before = await Snapshot(a, b);
        var content = "Bright and fast " + Guid.NewGuid().ToString("N")[..6];

        await PageRequests.Edit(site.App, async db =>
        {
            var protein = await db.Proteins.SingleAsync(p => p.Slug == a);
            var reference = await db.References.OrderBy(r => r.Id).FirstAsync();
            db.Excerpts.Add(new Excerpt { Content = content, Reference = reference, Proteins = [protein] });
        });

        var after = await Snapshot(a, b);
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
        Assert.Contains(content, await _client.GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamingAParentChangesItsChildsPageWhichLinksIt()
    {
        var (parent, child) = await site.App.WithDbAsync(async db =>
        {
            var link = await db.Lineages
                .Where(l => l.Parent != null && l.Protein.Status != ProteinStatus.Hidden && l.Parent.Protein.Status != ProteinStatus.Hidden)
                .OrderByDescending(l => l.Id)
                .Select(l => new { Parent = l.Parent!.Protein.Slug, Child = l.Protein.Slug })
                .FirstAsync();
            return (link.Parent, link.Child);
        });
        var before = await PageRequests.ETagOf(_client, $"/protein/{child}/");
        var name = "Parent " + Guid.NewGuid().ToString("N")[..6];

        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == parent)).Name = name);

        var response = await PageRequests.GetIfNoneMatch(_client, $"/protein/{child}/", before);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($">{name}</a>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChildsEditedMutationShowsAtOnceOnItsOwnPageAndItsParents()
    {
        var (lineageId, parent, child) = await site.App.WithDbAsync(async db =>
        {
            var link = await db.Lineages
                .Where(l => l.Parent != null && l.Protein.Status != ProteinStatus.Hidden && l.Parent.Protein.Status != ProteinStatus.Hidden)
                .OrderBy(l => l.Id)
                .Select(l => new { l.Id, Parent = l.Parent!.Protein.Slug, Child = l.Protein.Slug })
                .FirstAsync();
            return (link.Id, link.Parent, link.Child);
        });
        var pages = new[] { $"/protein/{child}/", $"/protein/{parent}/" };
        var before = new List<System.Net.Http.Headers.EntityTagHeaderValue>();
        foreach (var page in pages)
        {
            before.Add(await PageRequests.ETagOf(_client, page));
        }

        var mutation = "Q" + Random.Shared.Next(10, 99) + "H/S" + Random.Shared.Next(100, 199) + "T";
        await PageRequests.Edit(site.App, async db => (await db.Lineages.SingleAsync(l => l.Id == lineageId)).Mutation = mutation);

        for (var i = 0; i < pages.Length; i++)
        {
            var response = await PageRequests.GetIfNoneMatch(_client, pages[i], before[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"({mutation})", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<List<System.Net.Http.Headers.EntityTagHeaderValue>> Snapshot(string a, string b, params string[] lists)
    {
        var etags = new List<System.Net.Http.Headers.EntityTagHeaderValue>
        {
            await PageRequests.ETagOf(_client, $"/protein/{a}/"),
            await PageRequests.ETagOf(_client, $"/protein/{b}/"),
        };
        foreach (var list in lists)
        {
            etags.Add(await PageRequests.ETagOf(_client, list));
        }

        return etags;
    }
}
