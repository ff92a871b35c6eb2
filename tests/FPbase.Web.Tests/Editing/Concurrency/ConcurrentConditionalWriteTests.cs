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
    public async Task TwoProteinUpdatesWithTheSameIfMatchOneSucceedsAndTheOtherIs412()
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
    public async Task TwoSubWritesOfOneProteinWithTheSameIfMatchOneSucceedsAndTheOtherIs412()
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
    public async Task TwoMicroscopeUpdatesWithTheSameIfMatchOneSucceedsAndTheOtherIs412()
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
    public async Task TwoOpticalConfigUpdatesWithTheSameIfMatchOneSucceedsAndTheOtherIs412()
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

    [Fact]
    public async Task AWriteCommittedWhoseBumpHasNotArrivedYetStillMakesTheOldIfMatch412()
    {
        // The window the ETag check alone cannot see: another write has committed, its bump is still on its way, so
        // the old ETag is still current. Written here past EF Core (no bump at all), as that other write's commit.
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 3);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var url = $"/api/proteins/{slug}/";
        var etag = (await PageRequests.ETagOf(script.Http, url)).Tag;
        await using (var connection = new Npgsql.NpgsqlConnection(site.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("UPDATE proteins SET blurb = 'committed, not yet bumped', version = gen_random_uuid() WHERE slug = @slug", connection);
            command.Parameters.AddWithValue("slug", slug);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(etag, (await PageRequests.ETagOf(script.Http, url)).Tag); // no bump: the ETag has not moved
        using (var rejected = await script.Http.SendAsync(EditWitnesses.Json(HttpMethod.Patch, url, new { blurb = "lost update" }, etag)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        using (var rejected = await script.Http.SendAsync(EditWitnesses.Json(HttpMethod.Put, url + "bleach/", new { measurements = Array.Empty<object>() }, etag)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        Assert.Equal("committed, not yet bumped", await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == slug).Select(p => p.Blurb).SingleAsync()));
    }

    [Fact]
    public async Task AMicroscopeWrittenWhoseBumpHasNotArrivedYetMakesTheOldIfMatch412AlsoForDelete()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var created = await script.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Unbumped scope" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var url = $"/api/microscopes/{id}/";
        var etag = (await PageRequests.ETagOf(script.Http, url)).Tag;
        await using (var connection = new Npgsql.NpgsqlConnection(site.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("UPDATE microscopes SET name = 'renamed elsewhere', version = gen_random_uuid() WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        using (var rejected = await script.Http.SendAsync(EditWitnesses.Json(HttpMethod.Put, url, new { name = "lost update" }, etag)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using (var rejected = await script.Http.SendAsync(delete))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        Assert.Equal("renamed elsewhere", await site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.Name).SingleOrDefaultAsync()));
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
