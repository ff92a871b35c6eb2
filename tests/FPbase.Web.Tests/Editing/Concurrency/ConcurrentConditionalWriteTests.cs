using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Web.Tests.Editing.Proteins;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Concurrency;

/// <summary>
/// Lost updates, on PostgreSQL: two writes sent at once with the same current If-Match both pass the ETag check
/// before either commits, so only a check in the write's transaction can tell them apart. Exactly one succeeds, the
/// other is a 412 and changes nothing, on every route that honours If-Match. Several rounds each, since the two may
/// also happen to run one after the other.
/// </summary>
public sealed class ConcurrentConditionalWriteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const int Rounds = 4;

    [Fact]
    public async Task Two_protein_updates_with_the_same_if_match_one_succeeds_and_the_other_is_412()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 1);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var url = $"/api/proteins/{slug}/";
        for (var round = 0; round < Rounds; round++)
        {
            var winner = await RaceAsync(script.Http, url, i => EditWitnesses.Json(HttpMethod.Patch, url, new { blurb = $"round {round} writer {i}" }));
            var blurb = await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == slug).Select(p => p.Blurb).SingleAsync());
            Assert.Equal($"round {round} writer {winner}", blurb);
        }
    }

    [Fact]
    public async Task Two_sub_writes_of_one_protein_with_the_same_if_match_one_succeeds_and_the_other_is_412()
    {
        // Sub-writes change child rows only (here: the bleach list, replaced): the protein's own version must move too.
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 2);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var url = $"/api/proteins/{slug}/";
        for (var round = 0; round < Rounds; round++)
        {
            var winner = await RaceAsync(script.Http, url, i => EditWitnesses.Json(HttpMethod.Put, url + "bleach/", new { measurements = new[] { new { rate = 100 + (10 * round) + i } } }));
            var rates = await site.App.WithDbAsync(db => db.BleachMeasurements.Where(m => m.State.Protein.Slug == slug).Select(m => m.Rate).ToListAsync());
            Assert.Equal([100 + (10 * round) + winner], rates);
        }
    }

    [Fact]
    public async Task Two_microscope_updates_with_the_same_if_match_one_succeeds_and_the_other_is_412()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var created = await script.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Raced scope" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var url = $"/api/microscopes/{id}/";
        for (var round = 0; round < Rounds; round++)
        {
            var winner = await RaceAsync(script.Http, url, i => EditWitnesses.Json(HttpMethod.Put, url, new { name = $"round {round} writer {i}" }));
            Assert.Equal($"round {round} writer {winner}", await site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
        }
    }

    [Fact]
    public async Task Two_optical_config_updates_with_the_same_if_match_one_succeeds_and_the_other_is_412()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var created = await script.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Config race scope" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var config = await script.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "cube" });
        Assert.Equal(HttpStatusCode.Created, config.StatusCode);
        var configId = (await config.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var url = $"/api/optical-configs/{configId}/";
        for (var round = 0; round < Rounds; round++)
        {
            var winner = await RaceAsync(script.Http, url, i => EditWitnesses.Json(HttpMethod.Put, url, new { name = $"cube {round}.{i}" }));
            Assert.Equal($"cube {round}.{winner}", await site.App.WithDbAsync(db => db.OpticalConfigs.Where(c => c.Id == configId).Select(c => c.Name).SingleAsync()));
        }
    }

    /// <summary>
    /// Reads the current ETag of <paramref name="representation"/>, sends two writes with it at once and asserts one
    /// 2xx and one 412 (a problem). Returns which writer (0 or 1) won.
    /// </summary>
    private static async Task<int> RaceAsync(HttpClient client, string representation, Func<int, HttpRequestMessage> write)
    {
        var etag = (await PageRequests.ETagOf(client, representation)).Tag;
        var requests = Enumerable.Range(0, 2).Select(i =>
        {
            var request = write(i);
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            return request;
        }).ToList();
        var responses = await Task.WhenAll(requests.Select(r => Task.Run(() => client.SendAsync(r))));
        try
        {
            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            Assert.True(statuses.Count(s => s is >= 200 and < 300) == 1 && statuses.Count(s => s == 412) == 1, $"expected one 2xx and one 412, got {string.Join(", ", statuses)}");
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
            Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
            Assert.Equal(412, (await loser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            return responses[0].IsSuccessStatusCode ? 0 : 1;
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }

            foreach (var request in requests)
            {
                request.Dispose();
            }
        }
    }
}
