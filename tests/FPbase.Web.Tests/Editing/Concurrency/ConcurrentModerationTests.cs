using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Editing.Spectra;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Editing.Concurrency;

/// <summary>
/// Check-then-act on a pending spectrum: two staff decisions sent at once both find it pending. Exactly one is
/// recorded and answered 200; the other is a 409 ("already decided"), and the spectrum ends as the winner said.
/// </summary>
public sealed class ConcurrentModerationTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnApprovalAndARejectionSentAtOnceOneWinsAndTheOtherIs409()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        for (var round = 0; round < 4; round++)
        {
            var id = await EditingClients.SubmitAsync(script.Http, EditingClients.ValidSpectrum(source: $"race {round}"));
            var decisions = new[] { "approve", "reject" };
            var responses = await Task.WhenAll(decisions.Select(d => Task.Run(() => staff.Http.PostAsync($"/api/spectra/{id}/{d}/", null))));
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 1, $"round {round}: {string.Join(", ", statuses)}");

            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            var said = (await winner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
            Assert.Equal(said == "approved" ? SpectrumStatus.Approved : SpectrumStatus.Rejected, await site.App.StatusOfAsync(id));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
