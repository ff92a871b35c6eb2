using System.Net;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Proteins;

/// <summary>
/// The HTML edit page <c>/protein/{slug}/edit/</c>: forms with antiforgery tokens that post back and redirect to the
/// protein page (PRG); every witness sees the change on the next request; anonymous users are sent to the login page,
/// a cross-site post without the token is a 400, and a refused form is shown again with its errors and changes nothing.
/// </summary>
public sealed class ProteinEditFormTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnEditorsFormPostRedirectsToTheProteinPageWhichEveryoneSeesChanged()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 0);
        using var witnesses = await EditWitnesses.CreateAsync(site.App);
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        string[] urls = [$"/protein/{a}/", $"/protein/{b}/", "/table/"];
        var before = await witnesses.ETagsAsync(urls);

        using var page = await browser.Http.GetAsync($"/protein/{a}/edit/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore);
        using var response = await browser.PostFormAsync($"/protein/{a}/edit/", new() { ["qy"] = "0.777", ["blurb"] = "Edited in the form." }, $"/protein/{a}/edit/");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/protein/{a}/", response.Headers.Location?.OriginalString);
        var after = await witnesses.ETagsAsync(urls);
        EditWitnesses.AssertChanged(before, after, changed: [$"/protein/{a}/", "/table/"], unchanged: [$"/protein/{b}/"]);
        Assert.Contains("<td class=\"qy\">0.777</td>", await site.App.CreateClient().GetStringAsync($"/protein/{a}/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "qy", "1.5", "states[0].qy")]
    [InlineData("", "ex_max", "abc", "ex_max")]
    [InlineData("", "seq", "MVSKZZ", "seq")]
    [InlineData("references/", "doi", "10.9999/no-title", "title")]
    [InlineData("excerpts/", "content", "", "content")]
    [InlineData("excerpts/flag/", "excerpt", "-1", "excerpt")]
    [InlineData("transitions/", "from_state", "no-such-state", "transitions[0].from_state")]
    [InlineData("bleach/", "rate", "-3", "measurements[0].rate")]
    [InlineData("revert/", "revision", "-1", "revision")]
    public async Task ARefusedFormIsShownAgainWithItsErrorsAndChangesNothing(string form, string field, string value, string error)
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 1);
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        var etag = (await PageRequests.ETagOf(site.App.CreateClient(), $"/protein/{a}/")).Tag;

        using var response = await browser.PostFormAsync($"/protein/{a}/edit/{form}", new() { [field] = value }, $"/protein/{a}/edit/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"data-field=\"{error}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
        Assert.Equal(etag, (await PageRequests.ETagOf(site.App.CreateClient(), $"/protein/{a}/")).Tag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("references/")]
    [InlineData("excerpts/")]
    [InlineData("excerpts/flag/")]
    [InlineData("transitions/")]
    [InlineData("bleach/")]
    [InlineData("revert/")]
    public async Task AnonymousFormsGoToTheLoginPageAndCrossSitePostsAreRefused(string form)
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 2);
        var fingerprint = await ProteinState.FingerprintAsync(site.App, a);
        using var anonymous = site.App.CreateBrowserClient();
        using var refused = await anonymous.Http.PostAsync($"/protein/{a}/edit/{form}", new FormUrlEncodedContent(new Dictionary<string, string> { ["blurb"] = "x" }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/accounts/login/", refused.Headers.Location?.AbsolutePath);

        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var crossSite = await browser.Http.PostAsync($"/protein/{a}/edit/{form}", new FormUrlEncodedContent(new Dictionary<string, string> { ["blurb"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        Assert.Equal(fingerprint, await ProteinState.FingerprintAsync(site.App, a));
    }

    [Fact]
    public async Task TheSubFormsAddAReferenceAnExcerptTransitionsBleachAndRevertEachRedirectingAndChangingAsPage()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 3);
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var anonymous = site.App.CreateClient();
        var doi = $"10.9999/form.{Guid.NewGuid():N}"[..40];
        var (from, to) = await site.App.WithDbAsync(async db =>
        {
            var protein = await db.Proteins.Include(p => p.States).SingleAsync(p => p.Slug == a);
            if (protein.States.Count < 2)
            {
                protein.States.Add(new State { Name = "on", Slug = a + "_on", OwnerName = protein.Name, OwnerSlug = protein.Slug, ExMax = 500 });
                await db.SaveChangesAsync();
            }

            var slugs = protein.States.OrderBy(s => s.Id).Select(s => s.Slug).ToList();
            return (slugs[0], slugs[1]);
        });
        (string Form, Dictionary<string, string> Fields)[] steps =
        [
            ("references/", new() { ["doi"] = doi, ["title"] = "Form paper", ["year"] = "2025" }),
            ("excerpts/", new() { ["content"] = "Quoted in a form.", ["reference"] = doi }),
            ("transitions/", new() { ["from_state"] = from, ["to_state"] = to, ["trans_wave"] = "405" }),
            ("bleach/", new() { ["state"] = from, ["rate"] = "42.5", ["light"] = "la" }),
        ];

        foreach (var (form, fields) in steps)
        {
            var before = await PageRequests.ETagOf(anonymous, $"/protein/{a}/");
            var bBefore = await PageRequests.ETagOf(anonymous, $"/protein/{b}/");
            using var response = await browser.PostFormAsync($"/protein/{a}/edit/{form}", fields, $"/protein/{a}/edit/");
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{form}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.NotEqual(before, await PageRequests.ETagOf(anonymous, $"/protein/{a}/"));
            Assert.Equal(bBefore, await PageRequests.ETagOf(anonymous, $"/protein/{b}/"));
        }

        var excerpt = await site.App.WithDbAsync(db => db.Excerpts.Where(e => e.Content == "Quoted in a form.").Select(e => e.Id).SingleAsync());
        using (var flag = await browser.PostFormAsync($"/protein/{a}/edit/excerpts/flag/", new() { ["excerpt"] = $"{excerpt}" }, $"/protein/{a}/edit/"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, flag.StatusCode);
        }

        Assert.Equal(ExcerptStatus.Flagged, await site.App.WithDbAsync(db => db.Excerpts.Where(e => e.Id == excerpt).Select(e => e.Status).SingleAsync()));
        var firstRevision = await site.App.WithDbAsync(db => db.ProteinRevisions.Where(r => r.Protein.Slug == a).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var pageBefore = await PageRequests.ETagOf(anonymous, $"/protein/{a}/");
        using (var revert = await browser.PostFormAsync($"/protein/{a}/edit/revert/", new() { ["revision"] = $"{firstRevision}", ["restore"] = "before" }, $"/protein/{a}/edit/"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, revert.StatusCode);
        }

        Assert.NotEqual(pageBefore, await PageRequests.ETagOf(anonymous, $"/protein/{a}/"));
        Assert.False(await site.App.WithDbAsync(db => db.ProteinReferences.AnyAsync(r => r.Protein.Slug == a && r.Reference.Doi == doi)));
    }

    [Fact]
    public async Task RepeatedRowsKeepTheirFieldsTogetherWhenARowIsLeftBlank()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 4);
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var state = await site.App.WithDbAsync(db => db.States.Where(s => s.Protein.Slug == a).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync());
        KeyValuePair<string, string>[] rows =
        [
            new("state", ""), new("rate", ""), new("power", "9"), new("light", ""),
            new("state", state), new("rate", "12.5"), new("power", "3.5"), new("light", "la"),
        ];

        using var response = await browser.PostFormAsync($"/protein/{a}/edit/bleach/", rows, $"/protein/{a}/edit/");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var saved = await site.App.WithDbAsync(db => db.BleachMeasurements.Where(m => m.State.Slug == state).Select(m => new { m.Rate, m.Power }).ToListAsync());
        Assert.Equal((12.5, (double?)3.5), (Assert.Single(saved).Rate, saved[0].Power));
    }
}
