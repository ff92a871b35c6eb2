using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Proteins;

/// <summary>
/// Mutation point 1, through the JSON API: <c>PUT/PATCH /api/proteins/{slug}/</c>. Every witness (anonymous, two
/// logged-in users) sees the change on the next request; B's page never moves; refused, invalid and stale writes
/// change nothing.
/// </summary>
public sealed class ProteinUpdateApiTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnEditorsStateChangeIsSeenByEveryoneOnAsPageAndTheListsButBsPageStays()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 0);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", "/api/proteins/", "/table/", $"/api/proteins/{a}/", $"/api/proteins/{b}/"];
        var state = await site.App.WithDbAsync(db => db.States.Where(s => s.Protein.Slug == a).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync());
        var before = await witnesses.ETagsAsync(urls);

        using var response = await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { states = new[] { new { slug = state, qy = 0.321, ext_coeff = 54321, ex_max = 488 } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "writes are no-store");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var written = json.RootElement.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("slug").GetString() == state);
        Assert.Equal(0.321, written.GetProperty("qy").GetDouble());
        Assert.Equal(17.44, written.GetProperty("brightness").GetDouble()); // derived: 54321 × 0.321 / 1000
        var after = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, after,
            changed: [$"/protein/{a}/", "/api/proteins/", "/table/", $"/api/proteins/{a}/"],
            unchanged: [$"/protein/{b}/", $"/api/proteins/{b}/"]);
        Assert.Contains("<td class=\"qy\">0.321</td>", await site.App.CreateClient().GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProteinFieldsAreUpdatedAndTheChangeIsRecordedAsARevision()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 1);
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);

        using var response = await browser.SendJsonAsync(HttpMethod.Put, $"/api/proteins/{a}/",
            new { seq = "MVSKGEELFT GVVPILVELD", agg = "td", switch_type = "pa", cofactor = "bv", blurb = "Edited.", aliases = new[] { "edit-alias" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var protein = await site.App.WithDbAsync(db => db.Proteins.AsNoTracking().SingleAsync(p => p.Slug == a));
        Assert.Equal("MVSKGEELFTGVVPILVELD", protein.Seq);
        Assert.Equal(Aggregation.TandemDimer, protein.Agg);
        Assert.Equal(SwitchType.Photoactivatable, protein.SwitchType);
        Assert.Equal(["edit-alias"], protein.Aliases);
        using var revisions = await browser.Http.GetAsync($"/api/proteins/{a}/revisions/");
        Assert.Equal(HttpStatusCode.OK, revisions.StatusCode);
        using var list = JsonDocument.Parse(await revisions.Content.ReadAsStringAsync());
        var latest = list.RootElement[0];
        Assert.Equal("update", latest.GetProperty("action").GetString());
        Assert.Equal(editor.UserName, latest.GetProperty("user").GetString());
        Assert.Equal("MVSKGEELFTGVVPILVELD", latest.GetProperty("after").GetProperty("seq").GetString());
        Assert.NotEqual("MVSKGEELFTGVVPILVELD", latest.GetProperty("before").GetProperty("seq").GetString());
    }

    [Fact]
    public async Task ARenameMovesTheProteinToItsNewSlugAndADuplicateSlugIsRefused()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 2);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var bName = await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == b).Select(p => p.Name).SingleAsync());

        using var duplicate = await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { name = bName });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("\"name\"", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var name = "Renamed " + Guid.NewGuid().ToString("N")[..6];
        using var renamed = await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { name });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var slug = JsonDocument.Parse(await renamed.Content.ReadAsStringAsync()).RootElement.GetProperty("slug").GetString()!;
        Assert.NotEqual(a, slug);
        Assert.Contains(name, await site.App.CreateClient().GetStringAsync($"/protein/{slug}/"), StringComparison.Ordinal);
        using var old = await PageRequests.NoRedirects(site.App).GetAsync($"/protein/{a}/");
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Theory]
    [InlineData("ex_max", 299, "states[0].ex_max")]
    [InlineData("em_max", 901, "states[0].em_max")]
    [InlineData("twop_ex_max", 1601, "states[0].twop_ex_max")]
    [InlineData("qy", 1.5, "states[0].qy")]
    [InlineData("ext_coeff", 300001, "states[0].ext_coeff")]
    [InlineData("pka", 14.5, "states[0].pka")]
    [InlineData("maturation", 1601, "states[0].maturation")]
    [InlineData("lifetime", 21, "states[0].lifetime")]
    public async Task AnOutOfRangeStateValueIsA400WithTheFieldAndChangesNothing(string field, double value, string key)
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 3);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        var state = await site.App.WithDbAsync(db => db.States.Where(s => s.Protein.Slug == a).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync());
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var before = await witnesses.ETagsAsync($"/protein/{a}/", "/api/proteins/");
        var stateFields = new Dictionary<string, object> { ["slug"] = state, [field] = value, ["qy"] = field == "qy" ? value : 0.5 };

        using var response = await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { blurb = "must not be saved", states = new[] { stateFields } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(key, out _), $"errors has {key}");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(before, await witnesses.ETagsAsync($"/protein/{a}/", "/api/proteins/"));
    }

    [Theory]
    [InlineData("seq", "MVSKGEELFTBJOUZ")]
    [InlineData("seq", "MVSK<script>")]
    [InlineData("name", "   ")]
    [InlineData("agg", "octamer")]
    [InlineData("switch_type", "zz")]
    [InlineData("cofactor", "biliverdin")]
    [InlineData("genbank", "ABCDEFGHIJKLMNOP")]
    [InlineData("primary_reference", "10.9999/no-such-paper")]
    public async Task ABadProteinFieldIsA400WithTheFieldAndChangesNothing(string field, string value)
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 3);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var etag = (await PageRequests.ETagOf(site.App.CreateClient(), $"/protein/{a}/")).Tag;

        using var response = await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new Dictionary<string, object> { [field] = value, ["blurb"] = "must not be saved" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors has {field}");
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(etag, (await PageRequests.ETagOf(site.App.CreateClient(), $"/protein/{a}/")).Tag);
    }

    [Fact]
    public async Task AnonymousAndCrossSiteWritesAreRefusedAndChangeNothing()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 4);
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var body = new { blurb = "must not be saved" };

        using var anonymous = await site.App.CreateClient().PatchAsJsonAsync($"/api/proteins/{a}/", body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var crossSite = await browser.Http.PatchAsJsonAsync($"/api/proteins/{a}/", body); // the cookie, but no antiforgery token
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);

        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
    }

    [Fact]
    public async Task AWriteWithAStaleIfMatchIs412AndChangesNothingAndWithTheCurrentETagSucceeds()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 5);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var stale = (await PageRequests.ETagOf(script.Http, $"/api/proteins/{a}/")).Tag;
        using (var first = await script.Http.PatchAsJsonAsync($"/api/proteins/{a}/", new { blurb = "first edit" }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        using (var rejected = await script.Http.SendAsync(EditWitnesses.Json(HttpMethod.Patch, $"/api/proteins/{a}/", new { blurb = "lost update" }, stale)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));

        // The current ETag, as the client got it gzipped: same version, another coding, still a match.
        using var gzipGet = new HttpRequestMessage(HttpMethod.Get, $"/api/proteins/{a}/");
        gzipGet.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzipped = await script.Http.SendAsync(gzipGet);
        var current = gzipped.Headers.ETag!.Tag;
        Assert.EndsWith("-gzip\"", current, StringComparison.Ordinal);
        using var accepted = await script.Http.SendAsync(EditWitnesses.Json(HttpMethod.Patch, $"/api/proteins/{a}/", new { blurb = "second edit" }, current));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("second edit", await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == a).Select(p => p.Blurb).SingleAsync()));
    }
}
