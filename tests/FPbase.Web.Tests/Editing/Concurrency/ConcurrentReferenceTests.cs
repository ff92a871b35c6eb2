using System.Net;
using System.Net.Http.Json;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Concurrency;

/// <summary>
/// Check-then-act on a unique key: two proteins cite the same new DOI at once. Both find no reference with it and
/// insert one; the unique index refuses the second. It must not be a 500: both edits succeed, citing one reference.
/// </summary>
public sealed class ConcurrentReferenceTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task TwoProteinsCitingTheSameNewDoiAtOnceBothSucceedWithOneReference()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 4);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        for (var round = 0; round < 4; round++)
        {
            var doi = $"10.5555/race-{Guid.NewGuid():N}"[..30];
            var responses = await Task.WhenAll(new[] { a, b }.Select(slug => Task.Run(() =>
                script.Http.PostAsJsonAsync($"/api/proteins/{slug}/references/", new { doi, title = "Raced reference", journal = "J", year = 2020 }))));
            Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created), $"round {round}: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}");

            var cited = await site.App.WithDbAsync(db => db.ProteinReferences.Where(pr => pr.Reference.Doi == doi).Select(pr => pr.Protein.Slug).OrderBy(s => s).ToListAsync());
            Assert.Equal(new[] { a, b }.Order(), cited);
            Assert.Equal(1, await site.App.WithDbAsync(db => db.References.CountAsync(r => r.Doi == doi)));
        }
    }
}
