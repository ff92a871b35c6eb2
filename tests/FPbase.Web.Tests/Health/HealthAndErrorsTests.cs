using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Health;

public sealed class HealthAndErrorsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task LivezAnswersWithoutDependencies()
    {
        var response = await _client.GetAsync("/livez");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthzReportsDatabaseAndRedisHealthy()
    {
        var response = await _client.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"redis\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblemDetails404()
    {
        var response = await _client.GetAsync("/api/no-such-thing/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheHomePageShowsTheCounts()
    {
        var proteins = await site.App.WithDbAsync(db => db.Proteins.CountAsync());
        var html = await _client.GetStringAsync("/");
        Assert.Contains($"<span class=\"n\" id=\"count-proteins\">{proteins:N0}</span>", html, StringComparison.Ordinal);
    }
}
