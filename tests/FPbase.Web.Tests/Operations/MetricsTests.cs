using System.Net;
using System.Text.RegularExpressions;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Operations;

/// <summary>
/// An operator's Prometheus scrapes /metrics with a staff user's API token and sees what the cache did: answers by
/// outcome, payload bytes against uncompressed, builds and bumps. Nobody else may read it, and nothing stores it.
/// </summary>
public sealed partial class MetricsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnonymousAndEditorsCannotReadTheMetrics()
    {
        // A scraper without credentials is told so (401, Bearer), not sent to the login form.
        var anonymous = await site.App.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());

        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task AStaffScrapeCountsThe304sPayloadsAndBuildsItsReadersCaused()
    {
        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        var before = await ScrapeAsync(staff.Http);

        var reader = site.App.CreateClient();
        var first = await reader.GetAsync("/api/proteins/egfp/");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await reader.GetAsync("/api/proteins/egfp/");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/proteins/egfp/");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(revalidate)).StatusCode);

        var scrape = await staff.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.True(scrape.Headers.CacheControl is { Private: true, NoStore: true }, scrape.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(scrape.Headers, h => h.Key == "Set-Cookie");
        var after = await scrape.Content.ReadAsStringAsync();

        Assert.True(Responses(after, "not_modified") >= Responses(before, "not_modified") + 1, after);
        Assert.True(Responses(after, "payload") + Responses(after, "build") >= Responses(before, "payload") + Responses(before, "build") + 2, after);
        Assert.Contains("fpbase_cache_payload_identity_bytes", after, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", after, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_", after, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum over endpoints of fpbase_cache_responses_total with this outcome (0 before the first).</summary>
    private static double Responses(string exposition, string outcome)
        => ResponsesLine().Matches(exposition)
            .Where(m => m.Groups["labels"].Value.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^fpbase_cache_responses_total\{(?<labels>[^}]*)\} (?<value>[0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex ResponsesLine();
}
