using System.Net;
using System.Text.RegularExpressions;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// <c>/about/</c>, <c>/cite/</c> and <c>/help/</c> are pages with ETags that revalidate with a 304; every example URL the
/// help page gives answers 200 with an ETag and a 304 to it, as the page says; every page links them (the footer)
/// and has the header's search box.
/// </summary>
public sealed partial class SitePagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Theory]
    [InlineData("/about/", "About FPbase")]
    [InlineData("/cite/", "10.1038/s41592-019-0352-8")]
    [InlineData("/help/", "If-None-Match")]
    public async Task EachPageRevalidatesWithA304(string url, string text)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"site-search\" action=\"/search/\" method=\"get\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/help/\">Help</a>", html, StringComparison.Ordinal);
        using var revalidated = await PageRequests.GetIfNoneMatch(_client, url, response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(response.Headers.ETag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task EveryExampleOfTheHelpPageAnswersWithAnETagAndA304AsItSays()
    {
        var html = await _client.GetStringAsync("/help/");
        var urls = ExampleUrl().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(urls.Count >= 8, $"the help page gives examples ({urls.Count})");
        Assert.Contains("curl -si \"http://localhost/api/proteins/?name__iexact=EGFP\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        foreach (var url in urls)
        {
            using var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.True(response.Headers.ETag is not null, $"{url}: no ETag");
            Assert.True(response.Headers.CacheControl is { Public: true, NoCache: true }, $"{url}: Cache-Control {response.Headers.CacheControl}");
            using var revalidated = await PageRequests.GetIfNoneMatch(_client, url, response.Headers.ETag!);
            Assert.True(revalidated.StatusCode == HttpStatusCode.NotModified, $"{url} revalidated: {(int)revalidated.StatusCode}");
        }
    }

    [GeneratedRegex("data-url=\"([^\"]+)\"")]
    private static partial Regex ExampleUrl();
}
