using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Proteins;

/// <summary>
/// Mutation points 2–7 through the JSON API (add reference, add excerpt, revert, transitions, bleach, flag): each is
/// seen at once by every witness (anonymous and two logged-in users) on A's page and the lists that show it, never on
/// B's page; each refuses bad input with field errors and changes nothing.
/// </summary>
public sealed class ProteinMutationApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AddingANewReferenceChangesAsPageAndTheReferencesListForEveryoneButNotBs()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 0);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var script = await Editor();
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", "/references/", $"/api/proteins/{a}/"];
        var doi = $"10.9999/edit.{Guid.NewGuid():N}"[..40];
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var before = await witnesses.ETagsAsync(urls);

        using var missingTitle = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/references/", new { doi });
        await AssertFieldError(missingTitle, "title");
        using var badDoi = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/references/", new { doi = "not a doi", title = "x" });
        await AssertFieldError(badDoi, "doi");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(before, await witnesses.ETagsAsync(urls));

        using var created = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/references/", new { doi, title = "A paper", journal = "J. Tests", year = 2024 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Contains(doi, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, after, changed: [$"/protein/{a}/", "/references/", $"/api/proteins/{a}/"], unchanged: [$"/protein/{b}/"]);
        Assert.Contains($"data-doi=\"{doi}\"", await site.App.CreateClient().GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);

        // The same DOI again: already cited.
        using var again = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/references/", new { doi });
        await AssertFieldError(again, "doi");
    }

    [Fact]
    public async Task AddingAnExcerptAndFlaggingItChangeAsPageForEveryoneButNotBs()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 1);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var script = await Editor();
        var doi = await site.App.WithDbAsync(db => db.References.OrderBy(r => r.Id).Select(r => r.Doi).FirstAsync());
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", $"/api/proteins/{a}/"];
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var before = await witnesses.ETagsAsync(urls);

        using var empty = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/excerpts/", new { content = "  ", reference = doi });
        await AssertFieldError(empty, "content");
        using var unknown = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/excerpts/", new { content = "Bright.", reference = "10.9999/none" });
        await AssertFieldError(unknown, "reference");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(before, await witnesses.ETagsAsync(urls));

        var text = "Remarkably photostable " + Guid.NewGuid().ToString("N")[..6];
        using var added = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/excerpts/", new { content = text, reference = doi });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var afterAdd = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, afterAdd, changed: [$"/protein/{a}/", $"/api/proteins/{a}/"], unchanged: [$"/protein/{b}/"]);
        Assert.Contains(text, await site.App.CreateClient().GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);

        var excerpt = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("excerpts")
            .EnumerateArray().Single(e => e.GetProperty("content").GetString() == text).GetProperty("id").GetInt32();
        using var missing = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/excerpts/flag/", new { excerpt = -1 });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var flagged = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/excerpts/flag/", new { excerpt });
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        Assert.Equal(ExcerptStatus.Flagged, await site.App.WithDbAsync(db => db.Excerpts.Where(e => e.Id == excerpt).Select(e => e.Status).SingleAsync()));
        var afterFlag = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(afterAdd, afterFlag, changed: [$"/protein/{a}/", $"/api/proteins/{a}/"], unchanged: [$"/protein/{b}/"]);
    }

    [Fact]
    public async Task SettingTransitionsChangesAsPageAndTheProteinListForEveryoneButNotBs()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 2);
        var (from, to) = await TwoStatesOf(a);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var script = await Editor();
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", "/api/proteins/", $"/api/proteins/{a}/"];
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var before = await witnesses.ETagsAsync(urls);

        using var bad = await script.Http.PutAsJsonAsync($"/api/proteins/{a}/transitions/",
            new { transitions = new object[] { new { from_state = from, to_state = "no-such-state", trans_wave = 405 }, new { from_state = from, to_state = to, trans_wave = 5000 } } });
        await AssertFieldError(bad, "transitions[0].to_state");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(before, await witnesses.ETagsAsync(urls));

        using var set = await script.Http.PutAsJsonAsync($"/api/proteins/{a}/transitions/", new { transitions = new[] { new { from_state = from, to_state = to, trans_wave = 405 } } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, after, changed: [$"/protein/{a}/", "/api/proteins/", $"/api/proteins/{a}/"], unchanged: [$"/protein/{b}/"]);
        Assert.Equal(405, await site.App.WithDbAsync(db => db.StateTransitions.Where(t => t.Protein.Slug == a).Select(t => t.TransWave).SingleAsync()));
    }

    [Fact]
    public async Task SettingBleachMeasurementsChangesAsPageForEveryoneButNotBs()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 3);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var script = await Editor();
        var state = await site.App.WithDbAsync(db => db.States.Where(s => s.Protein.Slug == a).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync());
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", $"/api/proteins/{a}/"];
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var before = await witnesses.ETagsAsync(urls);

        using var bad = await script.Http.PutAsJsonAsync($"/api/proteins/{a}/bleach/", new { measurements = new object[] { new { state, light = "sun" } } });
        await AssertFieldError(bad, "measurements[0].rate");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(before, await witnesses.ETagsAsync(urls));

        using var set = await script.Http.PutAsJsonAsync($"/api/proteins/{a}/bleach/",
            new { measurements = new[] { new { state, rate = 123.5, power = 5.0, units = "W/cm2", light = "la", modality = "wf", in_cell = 1 } } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, after, changed: [$"/protein/{a}/", $"/api/proteins/{a}/"], unchanged: [$"/protein/{b}/"]);
        Assert.Equal(123.5, await site.App.WithDbAsync(db => db.BleachMeasurements.Where(m => m.State.Protein.Slug == a).Select(m => m.Rate).SingleAsync()));
    }

    [Fact]
    public async Task RevertingARevisionRestoresItsValuesIsItselfARevisionAndChangesAsPageForEveryone()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 4);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var script = await Editor();
        var state = await site.App.WithDbAsync(db => db.States.Where(s => s.Protein.Slug == a).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync());
        var original = await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == a).Select(p => p.Blurb).SingleAsync());

        (await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { blurb = "first", states = new[] { new { slug = state, qy = 0.41 } } })).EnsureSuccessStatusCode();
        (await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { blurb = "second", states = new[] { new { slug = state, qy = 0.62 } } })).EnsureSuccessStatusCode();
        var revisions = JsonDocument.Parse(await script.Http.GetStringAsync($"/api/proteins/{a}/revisions/")).RootElement;
        var first = revisions[1].GetProperty("id").GetInt32();
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", "/api/proteins/", $"/api/proteins/{a}/"];
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var before = await witnesses.ETagsAsync(urls);

        using var unknown = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/revert/", new { revision = -5 });
        await AssertFieldError(unknown, "revision");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));

        using var reverted = await script.Http.PostAsJsonAsync($"/api/proteins/{a}/revert/", new { revision = first });
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        var after = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, after, changed: [$"/protein/{a}/", "/api/proteins/", $"/api/proteins/{a}/"], unchanged: [$"/protein/{b}/"]);
        var (blurb, qy) = await site.App.WithDbAsync(async db => (
            await db.Proteins.Where(p => p.Slug == a).Select(p => p.Blurb).SingleAsync(),
            await db.States.Where(s => s.Slug == state).Select(s => s.Qy).SingleAsync()));
        Assert.Equal("first", blurb);
        Assert.Equal(0.41, qy);
        var latest = JsonDocument.Parse(await script.Http.GetStringAsync($"/api/proteins/{a}/revisions/")).RootElement[0];
        Assert.Equal("revert", latest.GetProperty("action").GetString());
        Assert.Equal(first, latest.GetProperty("reverted_from").GetInt32());

        // Back to before the first edit.
        (await script.Http.PostAsJsonAsync($"/api/proteins/{a}/revert/", new { revision = first, restore = "before" })).EnsureSuccessStatusCode();
        Assert.Equal(original, await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == a).Select(p => p.Blurb).SingleAsync()));
    }

    [Fact]
    public async Task EveryWriteRouteRefusesAnonymousAndCrossSiteRequestsAndAStaleIfMatch()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 5);
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        using var anonymous = site.App.CreateClient();
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var script = await Editor();
        var stale = (await PageRequests.ETagOf(script.Http, $"/api/proteins/{a}/")).Tag;
        (await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { blurb = "moves the ETag on" })).EnsureSuccessStatusCode();
        fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        (HttpMethod Method, string Path)[] routes =
        [
            (HttpMethod.Put, ""), (HttpMethod.Patch, ""), (HttpMethod.Post, "references/"), (HttpMethod.Post, "excerpts/"),
            (HttpMethod.Post, "excerpts/flag/"), (HttpMethod.Put, "transitions/"), (HttpMethod.Put, "bleach/"), (HttpMethod.Post, "revert/"),
        ];

        foreach (var (method, path) in routes)
        {
            var url = $"/api/proteins/{a}/{path}";
            using var refused = await anonymous.SendAsync(EditWitnesses.Json(method, url, new { blurb = "x" }));
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"anonymous {method} {url}: {(int)refused.StatusCode}");
            using var crossSite = await browser.Http.SendAsync(EditWitnesses.Json(method, url, new { blurb = "x" }));
            Assert.True(crossSite.StatusCode == HttpStatusCode.BadRequest, $"no antiforgery {method} {url}: {(int)crossSite.StatusCode}");
            using var precondition = await script.Http.SendAsync(EditWitnesses.Json(method, url, new { blurb = "x" }, stale));
            Assert.True(precondition.StatusCode == HttpStatusCode.PreconditionFailed, $"stale If-Match {method} {url}: {(int)precondition.StatusCode}");
        }

        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
    }

    private Task<BearerClient> Editor() => site.App.CreateEditorAsync().ContinueWith(t => site.App.CreateBearerClientAsync(t.Result)).Unwrap();

    /// <summary>Two states of the protein, adding a second one (directly in the database) when it has only one.</summary>
    private Task<(string From, string To)> TwoStatesOf(string slug)
        => site.App.WithDbAsync(async db =>
        {
            var protein = await db.Proteins.Include(p => p.States).SingleAsync(p => p.Slug == slug);
            if (protein.States.Count < 2)
            {
                protein.States.Add(new State { Name = "on", Slug = slug + "_on", OwnerName = protein.Name, OwnerSlug = protein.Slug, ExMax = 500, EmMax = 520 });
                await db.SaveChangesAsync();
            }

            var states = protein.States.OrderBy(s => s.Id).Select(s => s.Slug).ToList();
            return (states[0], states[1]);
        });

    private static async Task AssertFieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors has {field}: {problem.RootElement}");
    }
}
