using System.Net;
using System.Net.Http.Headers;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Caching;

/// <summary>Two web instances of one deployment: one database, one Redis, one key prefix.</summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FpbaseApplication _first = null!;
    private FpbaseApplication _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var prefix = FpbaseApplication.NewKeyPrefix();
        _first = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, prefix);
        _ = _first.Server;
        _second = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, prefix);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BothInstancesIssueTheSameETagAndAWriteOnOneChangesItOnTheOther()
    {
        var a = _first.CreateClient();
        var b = _second.CreateClient();
        var etagA = (await a.GetAsync("/api/optical-configs-list/")).Headers.ETag;
        var etagB = (await b.GetAsync("/api/optical-configs-list/")).Headers.ETag;
        Assert.Equal(etagA, etagB);

        await _first.WithDbAsync(async db =>
        {
            var config = await db.OpticalConfigs.OrderBy(c => c.Id).FirstAsync();
            config.Name += " (edited)";
            await db.SaveChangesAsync();
        });

        // The second instance learns of the bump through Redis pub/sub. The write returns only after
        // its own notification came back through Redis, so the other instance has been sent it too;
        // in one process its reader thread may still be a few microseconds behind this request (the
        // trade-off docs/caching.md accepts), so ask again briefly rather than race it.
        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/optical-configs-list/");
            request.Headers.IfNoneMatch.Add(etagB!);
            response = await b.SendAsync(request);
        }
        while (response.StatusCode == HttpStatusCode.NotModified && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etagB, response.Headers.ETag);
        Assert.Contains("(edited)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.ETag, (await a.GetAsync("/api/optical-configs-list/")).Headers.ETag);
    }
}
