using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Search;

/// <summary>
/// <c>/autocomplete-protein/</c> answers FPbase's django-autocomplete-light JSON (<c>results</c> of <c>id</c> = slug and
/// <c>text</c> = name, <c>pagination.more</c>), 10 a page, case-insensitively; it revalidates with a 304 and finds a
/// renamed protein by its new name at once.
/// </summary>
public sealed class AutocompleteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ItAnswersFPbasesShapeWithEgfpForEgf()
    {
        using var response = await _client.GetAsync("/autocomplete-protein/?q=EGF");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(["results", "pagination"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.False, root.GetProperty("pagination").GetProperty("more").ValueKind);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 10);
        Assert.All(results, r => Assert.Equal(["id", "text"], r.EnumerateObject().Select(p => p.Name)));
        Assert.All(results, r => Assert.Contains("egf", r.GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("egfp", results[0].GetProperty("id").GetString());
        Assert.Equal("EGFP", results[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task PagesHoldTenAndSayWhetherMoreFollow()
    {
        var visible = await site.App.WithDbAsync(db => db.Proteins.CountAsync(p => p.Status != ProteinStatus.Hidden));
        Assert.True(visible > 10, "the seed has more than 10 visible proteins");

        using var first = JsonDocument.Parse(await _client.GetStringAsync("/autocomplete-protein/"));
        using var second = JsonDocument.Parse(await _client.GetStringAsync("/autocomplete-protein/?page=2"));

        Assert.Equal(10, first.RootElement.GetProperty("results").GetArrayLength());
        Assert.True(first.RootElement.GetProperty("pagination").GetProperty("more").GetBoolean());
        var ids = first.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Concat(second.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(visible > 20, second.RootElement.GetProperty("pagination").GetProperty("more").GetBoolean());
    }

    [Theory]
    [InlineData("?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("?page=0", HttpStatusCode.BadRequest)]
    [InlineData("?page=1001", HttpStatusCode.BadRequest)]
    [InlineData("?type=dyes", HttpStatusCode.BadRequest)]
    [InlineData("?q=a%00b", HttpStatusCode.BadRequest)]
    [InlineData("?page=999", HttpStatusCode.NotFound)]
    public async Task BadParametersAreProblemDetails(string query, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync("/autocomplete-protein/" + query);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ItRevalidatesWithA304IgnoresCaseAndFindsARenamedProteinAtOnce()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 0);
        const string Url = "/autocomplete-protein/?q=zqauto";
        var etag = await PageRequests.ETagOf(_client, Url);
        Assert.Equal(etag, await PageRequests.ETagOf(_client, "/autocomplete-protein/?q=ZQAuto&_=1"));
        using (var revalidated = await PageRequests.GetIfNoneMatch(_client, Url, etag))
        {
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        var (name, slug) = await SearchRequests.RenameAsync(site.App, a, "Zqauto ");

        using var after = await PageRequests.GetIfNoneMatch(_client, Url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(slug, result.GetProperty("id").GetString());
        Assert.Equal(name, result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TypeSpectraOffersOnlyProteinsWithSpectra()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/autocomplete-protein/?type=spectra&q=egf"));
        var ids = json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Contains("egfp", ids);
        var withSpectra = await site.App.WithDbAsync(db => db.Proteins.Where(p => ids.Contains(p.Slug)).CountAsync(p => p.States.Any(s => s.Spectra.Any())));
        Assert.Equal(ids.Count, withSpectra);
    }
}
