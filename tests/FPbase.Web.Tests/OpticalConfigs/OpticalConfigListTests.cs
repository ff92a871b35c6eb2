using System.Net;
using System.Text.Json;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.OpticalConfigs;

public sealed class OpticalConfigListTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ListsTheRealSampleConfigsWithTheirMicroscopesInFpbaseShape()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/optical-configs-list/"));
        var configs = doc.RootElement.GetProperty("data").GetProperty("opticalConfigs").EnumerateArray().ToList();

        var widefieldGreen = configs.Single(c => c.GetProperty("name").GetString() == "Widefield Green");
        Assert.Equal("wKqWbgApvguSNDSRZNSfpN", widefieldGreen.GetProperty("microscope").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(widefieldGreen.GetProperty("microscope").GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Number, widefieldGreen.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.String, widefieldGreen.GetProperty("comments").ValueKind);
        Assert.Equal(6, configs.Count(c => c.GetProperty("microscope").GetProperty("id").GetString() == "4yL4ggAozzcMwTU4Ae7zxF"));

        var ordered = await site.App.WithDbAsync(db => db.OpticalConfigs.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(ordered, configs.Select(c => c.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task OldUrlServesTheSameResource()
    {
        var current = await _client.GetAsync("/api/optical-configs-list/");
        var old = await _client.GetAsync("/api/proteins/ocinfo/");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(current.Headers.ETag, old.Headers.ETag);
    }
}
