using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Editing.Spectra;

/// <summary>
/// Editors submit spectra; they stay pending, invisible everywhere, until staff approve them. A submission changes
/// no public body and no ETag (clients keep their copies); the approval changes both at once.
/// </summary>
public sealed class SpectrumSubmissionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _anonymous = site.App.CreateClient();

    [Fact]
    public async Task ASubmittedSpectrumIsPendingAndAppearsInNoListGraphqlResultOrDetail()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var (etagBefore, listBefore) = await EditingClients.GetAsync(_anonymous, "/api/spectra-list/");
        var graphBefore = await GraphSpectraAsync();

        var response = await script.Http.PostAsJsonAsync("/api/spectra/", EditingClients.ValidSpectrum());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", EditingClients.CacheControl(response));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal(SpectrumStatus.Pending, await site.App.StatusOfAsync(id));

        var (etagAfter, listAfter) = await EditingClients.GetAsync(_anonymous, "/api/spectra-list/");
        Assert.Equal(listBefore, listAfter);
        Assert.Equal(etagBefore, etagAfter);
        Assert.Equal(graphBefore, await GraphSpectraAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/spectrum/{id}/")).StatusCode);
        var single = await PostGraphAsync($"{{ spectrum(id: {id}) {{ id }} }}");
        Assert.Equal(JsonValueKind.Null, single.GetProperty("data").GetProperty("spectrum").ValueKind);
    }

    [Fact]
    public async Task ApprovalByStaffShowsTheSpectrumAtOnceWithANewListEtag()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await EditingClients.SubmitAsync(script.Http);
        var (etag, body) = await EditingClients.GetAsync(_anonymous, "/api/spectra-list/");
        Assert.DoesNotContain($"\"id\":{id},", body);

        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());
        var approve = await staff.SendJsonAsync(HttpMethod.Post, $"/api/spectra/{id}/approve/");
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("no-store", EditingClients.CacheControl(approve));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/spectra-list/");
        revalidate.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag!));
        using var after = await _anonymous.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag?.Tag);
        Assert.Contains($"\"id\":{id},", await after.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync($"/api/spectrum/{id}/")).StatusCode);
        Assert.Contains(id, await GraphSpectraAsync());

        Assert.Equal(HttpStatusCode.Conflict, (await staff.SendJsonAsync(HttpMethod.Post, $"/api/spectra/{id}/approve/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SendJsonAsync(HttpMethod.Post, "/api/spectra/999999999/approve/")).StatusCode);
    }

    [Fact]
    public async Task ARejectedSpectrumNeverAppears()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await EditingClients.SubmitAsync(script.Http);
        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.PostAsync($"/api/spectra/{id}/reject/", null)).StatusCode);
        Assert.Equal(SpectrumStatus.Rejected, await site.App.StatusOfAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/spectrum/{id}/")).StatusCode);
        Assert.DoesNotContain(id, await GraphSpectraAsync());
    }

    [Fact]
    public async Task EditorsMayNotApproveOrRejectAndAnonymousUsersMayNotSubmit()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await EditingClients.SubmitAsync(script.Http);
        using var editor = await site.App.LoginAsync(await site.App.CreateEditorAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await script.Http.PostAsync($"/api/spectra/{id}/approve/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.SendJsonAsync(HttpMethod.Post, $"/api/spectra/{id}/reject/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PostAsync($"/api/spectra/{id}/approve/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PostAsJsonAsync("/api/spectra/", EditingClients.ValidSpectrum())).StatusCode);
        Assert.Equal(SpectrumStatus.Pending, await site.App.StatusOfAsync(id));
    }

    public static TheoryData<string, object> BadSubmissions() => new()
    {
        { "data", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 400, 0.1 }, [402, 0.2] } } },
        { "data", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 400.5, 0.1 }, [401.5, 0.2] } } },
        { "data", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 400, 0.1, 3 }, [401, 0.2] } } },
        { "data", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 400, 0.1 } } } },
        { "data", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 401, 0.1 }, [400, 0.2] } } },
        { "owner", new { owner = "no-such-state", category = "p", subtype = "ex", data = new[] { new double[] { 400, 0.1 }, [401, 0.2] } } },
        { "subtype", new { owner = "egfp_default", category = "p", subtype = "qe", data = new[] { new double[] { 400, 0.1 }, [401, 0.2] } } },
        { "category", new { owner = "egfp_default", category = "x", subtype = "ex", data = new[] { new double[] { 400, 0.1 }, [401, 0.2] } } },
        { "ph", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 400, 0.1 }, [401, 0.2] }, ph = 15 } },
        { "reference", new { owner = "egfp_default", category = "p", subtype = "ex", data = new[] { new double[] { 400, 0.1 }, [401, 0.2] }, reference = "10.0000/none" } },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task ABadSubmissionIsA400NamingTheFieldAndChangesNothing(string field, object submission)
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var before = await site.App.AllSpectraAsync();
        var response = await script.Http.PostAsJsonAsync("/api/spectra/", submission);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await site.App.AllSpectraAsync());
    }

    [Fact]
    public async Task TheHtmlFormSubmitsWithItsAntiforgeryTokenAndACrossSitePostIsRefused()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);
        var form = await browser.Http.GetAsync("/spectra/submit/");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("private, no-store", EditingClients.CacheControl(form));

        var fields = new Dictionary<string, string>
        {
            ["Owner"] = "egfp_default", ["Category"] = "p", ["Subtype"] = "em", ["Data"] = "500, 0.5\n501, 1\n502, 0.5\n",
        };
        var before = await site.App.AllSpectraAsync();
        var crossSite = await browser.Http.PostAsync("/spectra/submit/", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        Assert.Equal(before, await site.App.AllSpectraAsync());
        var crossSiteJson = await browser.Http.PostAsJsonAsync("/api/spectra/", EditingClients.ValidSpectrum());
        Assert.Equal(HttpStatusCode.BadRequest, crossSiteJson.StatusCode);
        Assert.Equal(before, await site.App.AllSpectraAsync());

        var submitted = await browser.PostFormAsync("/spectra/submit/", fields, "/spectra/submit/");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Contains("waiting for a moderator", await submitted.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await site.App.AllSpectraAsync());

        var bad = await browser.PostFormAsync("/spectra/submit/", new(fields) { ["Data"] = "500 0.5\n502 1\n" }, "/spectra/submit/");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(before + 1, await site.App.AllSpectraAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await site.App.CreateBrowserClient().Http.GetAsync("/spectra/submit/")).StatusCode);
    }

    [Fact]
    public async Task StaffModerateOnAPrivatePageWithFormButtons()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await EditingClients.SubmitAsync(script.Http);
        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());

        var page = await staff.Http.GetAsync("/moderation/spectra/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("private, no-store", EditingClients.CacheControl(page));
        Assert.Contains($"/moderation/spectra/{id}/approve/", await page.Content.ReadAsStringAsync());

        using var editor = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.GetAsync("/moderation/spectra/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync($"/moderation/spectra/{id}/approve/", [])).StatusCode);

        var approved = await staff.PostFormAsync($"/moderation/spectra/{id}/approve/", [], "/moderation/spectra/");
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal(SpectrumStatus.Approved, await site.App.StatusOfAsync(id));
        Assert.DoesNotContain($"/moderation/spectra/{id}/approve/", await staff.Http.GetStringAsync("/moderation/spectra/"));
    }

    private async Task<List<int>> GraphSpectraAsync()
    {
        var json = await PostGraphAsync("{ spectra { id } }");
        return json.GetProperty("data").GetProperty("spectra").EnumerateArray().Select(s => int.Parse(s.GetProperty("id").ToString(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private async Task<JsonElement> PostGraphAsync(string query)
    {
        using var response = await _anonymous.PostAsJsonAsync("/graphql/", new { query });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
