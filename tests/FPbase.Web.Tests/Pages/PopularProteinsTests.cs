using System.Net;
using FPbase.Web.Features.Proteins.Popular;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// The home page's popular proteins come from this site's own protein page views: every GET answered 200 or 304
/// counts (a revalidating browser is a reader), HEAD and missing proteins do not, and the counts reach the home page
/// when they are written, which changes the home page and nothing else.
/// </summary>
public sealed class PopularProteinsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task ViewsOfAProteinPageIncludingItsRevalidationsPutItOnTheHomePageOnceWritten()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 5);
        var client = site.App.CreateClient();
        var flusher = site.App.Services.GetRequiredService<ProteinViewFlusher>();
        await flusher.FlushAsync(default);
        var home = await PageRequests.ETagOf(client, "/");
        var table = await PageRequests.ETagOf(client, "/table/");

        var page = await PageRequests.ETagOf(client, $"/protein/{a}/");
        for (var i = 0; i < 3; i++)
        {
            using var revalidated = await PageRequests.GetIfNoneMatch(client, $"/protein/{a}/", page);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/protein/{a}/")))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        using (var missing = await client.GetAsync($"/protein/{a}-no-such-protein/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(home, await PageRequests.ETagOf(client, "/"));
        await flusher.FlushAsync(default);

        Assert.NotEqual(home, await PageRequests.ETagOf(client, "/"));
        var html = await client.GetStringAsync("/");
        Assert.Contains($"<a href=\"/protein/{a}/\">", html, StringComparison.Ordinal);
        Assert.Contains("4 views", html, StringComparison.Ordinal);
        Assert.Equal(table, await PageRequests.ETagOf(client, "/table/"));
        Assert.Equal(page, await PageRequests.ETagOf(client, $"/protein/{a}/"));
    }
}
