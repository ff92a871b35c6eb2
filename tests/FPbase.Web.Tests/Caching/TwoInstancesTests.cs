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

        // The second instance learns of the bump through Redis pub/sub; the write returned only
        // after the bump was in Redis, so a client's next request finds the new version.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/optical-configs-list/");
        request.Headers.IfNoneMatch.Add(etagB!);
        var response = await b.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etagB, response.Headers.ETag);
        Assert.Contains("(edited)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.ETag, (await a.GetAsync("/api/optical-configs-list/")).Headers.ETag);
    }
}
