using System.Net;
using System.Net.Http.Headers;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Caching;

/// <summary>Redis unreachable from the start: the site still answers, fresh and without validators.</summary>
public sealed class RedisUnavailableTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FpbaseApplication _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Port 1 on loopback: nothing listens, connections are refused at once.
        _app = new FpbaseApplication(_database.ConnectionString, "127.0.0.1:1,connectTimeout=200", FpbaseApplication.NewKeyPrefix());
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ListsAreServedFreshWithoutETagsAndNeverAs304()
    {
        var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/spectra-list/");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.Contains("\"spectra\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStaffDashboardStillRendersAndSaysTheVersionStoreCannotBeRead()
    {
        using var staff = await _app.LoginAsync(await _app.CreateStaffAsync());
        var page = await staff.Http.GetAsync("/staff/cache/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"banner pending\" id=\"instances-error\">The version store could not be read:", html, StringComparison.Ordinal);
        Assert.Contains("not trusted: every lookup goes to the store", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-resource=\"proteins\"><td>proteins</td><td><code>unreadable</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFretListSaysItsVersionCannotBeCheckedAndCarriesNoETag()
    {
        // No version can be read, so the worker labels no list and no response may call one current.
        var client = _app.CreateClient();
        var list = await Fret.FretRequests.GetListAsync(client);
        Assert.Equal("unverified", list.State);
        Assert.Null(list.ETag);

        var page = await client.GetAsync("/fret/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.ETag);
        Assert.True(page.Headers.CacheControl!.NoCache);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"unverified\"", html, StringComparison.Ordinal);
        Assert.Contains("cannot be checked right now", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesAreSavedButNotAcknowledgedAndLeaveTheirBumpInTheOutbox()
    {
        // No instance can be told of the change, so the writer must not be told it is done...
        await Assert.ThrowsAsync<FPbase.Caching.ResourceVersionsUnconfirmedException>(() => _app.WithDbAsync(async db =>
        {
            var config = await db.OpticalConfigs.OrderBy(c => c.Id).FirstAsync();
            config.Comments = "written while Redis is down";
            await db.SaveChangesAsync();
        }));

        // ...yet nothing is lost: the change is committed and its bump waits in the outbox.
        Assert.Equal("written while Redis is down", await _app.WithDbAsync(db => db.OpticalConfigs.OrderBy(c => c.Id).Select(c => c.Comments).FirstAsync()));

        var pending = await _app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT resources AS \"Value\" FROM resource_version_outbox").ToListAsync());
        Assert.Contains(pending, r => r.Split('\n').Contains("optical-configs"));
    }

    [Fact]
    public async Task AConditionalWriteIsRefusedWith503AndChangesNothingWhileAnUnconditionalOneIsSavedButNotAcknowledged()
    {
        // No version can be read, so no If-Match can be checked: not even a made-up one may go through.
        using var script = await _app.CreateBearerClientAsync(await _app.CreateEditorAsync());
        var slug = await _app.WithDbAsync(db => db.Proteins.OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var url = $"/api/proteins/{slug}/";
        var before = await _app.WithDbAsync(db => db.Proteins.Where(p => p.Slug == slug).Select(p => p.Blurb).SingleAsync());
        foreach (var ifMatch in new[] { "\"stale\"", "\"AAAAAAAAAAAAAAAAAAAA-gzip\"" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = System.Net.Http.Json.JsonContent.Create(new { blurb = "written blind" }) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            using var refused = await script.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":503", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await _app.WithDbAsync(db => db.Proteins.Where(p => p.Slug == slug).Select(p => p.Blurb).SingleAsync()));

        // Without a precondition the write is made, but no instance can be told of it: not acknowledged.
        using var unconditional = await script.Http.PatchAsync(url, System.Net.Http.Json.JsonContent.Create(new { blurb = "written without a precondition" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unconditional.StatusCode);
        Assert.Contains("was saved", await unconditional.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("written without a precondition", await _app.WithDbAsync(db => db.Proteins.Where(p => p.Slug == slug).Select(p => p.Blurb).SingleAsync()));
    }

    [Fact]
    public async Task HealthReportsRedisUnhealthy()
    {
        var response = await _app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"redis\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
