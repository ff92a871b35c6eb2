using System.Net;
using FPbase.Web.Tests.Editing.Spectra;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Editing.Moderation;

/// <summary>
/// Staff hide a protein: it leaves the lists that show visible proteins (basic list, table) and its page is a 404 at
/// once; unhiding brings it back. (<c>/api/proteins/</c> lists every status, as FPbase's does: it has a status filter.)
/// </summary>
public sealed class ProteinVisibilityTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AHiddenProteinDisappearsFromListsAndItsPage404sUntilUnhidden()
    {
        using var anonymous = site.App.CreateClient();
        var (listEtag, listBody) = await EditingClients.GetAsync(anonymous, "/api/proteins/basic/?format=json");
        Assert.Contains("\"slug\":\"mcherry\"", listBody);
        Assert.Contains("/protein/mcherry/", (await EditingClients.GetAsync(anonymous, "/table/")).Body);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/protein/mcherry/")).StatusCode);

        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());
        var hide = await staff.SendJsonAsync(HttpMethod.Post, "/api/proteins/mcherry/hide/");
        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        Assert.Equal("no-store", EditingClients.CacheControl(hide));

        var (hiddenEtag, hiddenBody) = await EditingClients.GetAsync(anonymous, "/api/proteins/basic/?format=json");
        Assert.NotEqual(listEtag, hiddenEtag);
        Assert.DoesNotContain("\"slug\":\"mcherry\"", hiddenBody);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/protein/mcherry/")).StatusCode);
        Assert.DoesNotContain("/protein/mcherry/", (await EditingClients.GetAsync(anonymous, "/table/")).Body);

        Assert.Equal(HttpStatusCode.OK, (await staff.SendJsonAsync(HttpMethod.Post, "/api/proteins/mcherry/unhide/")).StatusCode);
        Assert.Contains("\"slug\":\"mcherry\"", (await EditingClients.GetAsync(anonymous, "/api/proteins/basic/?format=json")).Body);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/protein/mcherry/")).StatusCode);
    }

    [Fact]
    public async Task OnlyStaffMayHideProteins()
    {
        using var anonymous = site.App.CreateClient();
        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.PostAsync("/api/proteins/egfp/hide/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/proteins/egfp/hide/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/protein/egfp/")).StatusCode);
        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.PostAsync("/api/proteins/no-such-protein/hide/", null)).StatusCode);
    }
}
