using System.Net;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Search;

/// <summary>
/// <c>/search/</c>: a query naming one protein (name, alias, slug, uuid, any case) redirects to it, anything else to
/// its near matches; filters list what passes them, as cards or a table; its results revalidate with a 304 and change
/// at once after an editor renames a protein they show; bad input is a 400 with problem details.
/// </summary>
public sealed class SearchPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = PageRequests.NoRedirects(site.App);

    [Theory]
    [InlineData("EGFP")]
    [InlineData("egfp")]
    [InlineData("  eGfP ")]
    [InlineData("R9NL8")]
    [InlineData("r9nl8")]
    public async Task AQueryNamingEgfpByNameSlugOrUuidInAnyCaseRedirectsToItsPage(string q)
    {
        using var response = await _client.GetAsync("/search/?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/protein/egfp/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnAliasInAnotherCaseRedirectsToItsProteinAndQueryIsFPbasesOtherNameForQ()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 0);
        var alias = "Alias-" + Guid.NewGuid().ToString("N")[..6];
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == a)).Aliases = [alias]);

        using var byQ = await _client.GetAsync("/search/?q=" + alias.ToUpperInvariant());
        using var byQuery = await _client.GetAsync("/search/?query=" + alias.ToLowerInvariant());

        Assert.Equal($"/protein/{a}/", byQ.Headers.Location?.OriginalString);
        Assert.Equal($"/protein/{a}/", byQuery.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AHiddenProteinIsNotFoundByItsName()
    {
        var (a, _) = await PageRequests.TwoProteins(site.App, skip: 1);
        var name = await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == a).Select(p => p.Name).SingleAsync());
        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == a)).Status = ProteinStatus.Hidden);

        using var response = await _client.GetAsync("/search/?q=" + Uri.EscapeDataString(name));

        Assert.Equal("/search/?name__iexact=" + Uri.EscapeDataString(name), response.Headers.Location?.OriginalString);
        var page = await _client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.DoesNotContain($"data-slug=\"{a}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWithoutAnExactMatchListsTheNearMatches()
    {
        using var response = await _client.GetAsync("/search/?q=EGFPX");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/search/?name__iexact=EGFPX", response.Headers.Location?.OriginalString);
        var html = await _client.GetStringAsync("/search/?name__iexact=EGFPX");
        Assert.Contains("no exact results", html, StringComparison.Ordinal);
        Assert.Contains("egfp", SearchRequests.Slugs(html));
        Assert.DoesNotContain("mcherry", SearchRequests.Slugs(html));

        // A part of a name: the proteins whose names contain it.
        Assert.Contains("mcherry", SearchRequests.Slugs(await _client.GetStringAsync("/search/?name__iexact=cherr")));
    }

    [Fact]
    public async Task FiltersListExactlyTheVisibleProteinsThatPassThemAsCardsOrATable()
    {
        const string Filters = "default_state__em_max__gte=500&default_state__em_max__lte=620&default_state__qy__gte=0.2";
        var expected = await site.App.WithDbAsync(db => db.Proteins
            .Where(p => p.Status != ProteinStatus.Hidden && p.DefaultState != null && p.DefaultState.EmMax >= 500 && p.DefaultState.EmMax <= 620 && p.DefaultState.Qy >= 0.2)
            .Select(p => p.Slug).ToListAsync());
        Assert.True(expected.Count >= 2, "the seed has proteins emitting between 500 and 620 nm");

        var cards = await _client.GetStringAsync("/search/?" + Filters);
        var table = await _client.GetStringAsync("/search/?" + Filters + "&display=t");

        Assert.Equal(expected.Order(StringComparer.Ordinal), SearchRequests.Slugs(cards).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, SearchRequests.Total(cards));
        Assert.Contains("class=\"protein-cards\"", cards, StringComparison.Ordinal);
        Assert.Equal(SearchRequests.Slugs(cards), SearchRequests.Slugs(table));
        Assert.Contains("class=\"protein-table search-table\"", table, StringComparison.Ordinal);
        Assert.Contains("value=\"500\"", cards, StringComparison.Ordinal); // the form shows what was asked
    }

    [Fact]
    public async Task ASearchWithOneResultRedirectsToItAndTheBareFormListsNothing()
    {
        using var one = await _client.GetAsync("/search/?uuid__iexact=r9nl8");
        Assert.Equal("/protein/egfp/", one.Headers.Location?.OriginalString);

        var form = await _client.GetStringAsync("/search/");
        Assert.Contains("name=\"default_state__ex_max__gte\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("search-results", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsRevalidateWithA304AndChangeAtOnceAfterAnEditorRenamesAProteinTheyShow()
    {
        var (a, em) = await site.App.WithDbAsync(async db =>
        {
            var p = await db.Proteins
                .Where(p => p.Status == ProteinStatus.Approved && p.Slug != "egfp" && p.Slug != "mcherry" && p.DefaultState != null && p.DefaultState.EmMax != null)
                .OrderByDescending(p => p.Id).Select(p => new { p.Slug, p.DefaultState!.EmMax }).FirstAsync();
            return (p.Slug, p.EmMax!.Value);
        });
        var url = $"/search/?default_state__em_max__gte={em - 60}&default_state__em_max__lte={em + 60}";
        var etag = await PageRequests.ETagOf(_client, url);
        Assert.Contains(a, SearchRequests.Slugs(await _client.GetStringAsync(url)));

        using (var revalidated = await PageRequests.GetIfNoneMatch(_client, url, etag))
        {
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        // Only declared parameters make a variant: a cache buster and the default display share the ETag.
        Assert.Equal(etag, await PageRequests.ETagOf(_client, url + "&_=12345&display=l&utm_source=x"));
        Assert.NotEqual(etag, await PageRequests.ETagOf(_client, url + "&display=t"));

        var (name, slug) = await SearchRequests.RenameAsync(site.App, a, "Searched ");

        using var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var html = await after.Content.ReadAsStringAsync();
        Assert.Contains($">{name}</strong>", html, StringComparison.Ordinal);
        Assert.Contains(slug, SearchRequests.Slugs(html));
        Assert.DoesNotContain(a, SearchRequests.Slugs(html));
    }

    [Theory]
    [InlineData("default_state__ex_max__gte=abc")]
    [InlineData("default_state__ex_max__gte=600&default_state__ex_max__lte=500")]
    [InlineData("default_state__qy__gte=0.9&default_state__qy__lte=0.1")]
    [InlineData("default_state__em_max__range=600,500")]
    [InlineData("default_state__em_max__range=600")]
    [InlineData("default_state__em_maxx__gte=500")]
    [InlineData("agg=not-a-code")]
    [InlineData("display=x")]
    [InlineData("name__icontains=a%00b")]
    public async Task NonsenseIsA400WithProblemDetails(string query)
    {
        using var response = await _client.GetAsync("/search/?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryOrANameLongerThanTheCapIsA400()
    {
        var tooLong = new string('x', FPbase.Web.Features.Search.SearchChecks.MaxNameLength + 1);
        using var q = await _client.GetAsync("/search/?q=" + tooLong);
        using var name = await _client.GetAsync("/search/?name__icontains=" + tooLong);
        using var ok = await _client.GetAsync("/search/?q=" + tooLong[1..]);

        Assert.Equal(HttpStatusCode.BadRequest, q.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.Equal(HttpStatusCode.Found, ok.StatusCode);
    }

    /// <summary>The bad-input corpus in every parameter the form sends, and in <c>q</c>: a 4xx or a 200/302, never a 5xx.</summary>
    [Fact]
    public async Task TheInjectionCorpusInEveryParameterOfTheFormIsNeverA5xx()
    {
        var failures = new List<string>();
        var names = FPbase.Web.Features.Search.SearchForm.Fields.SelectMany(f => f.Parameters)
            .Concat(["q", "display", "default_state__em_max__range", "name__iexact"]);
        foreach (var name in names)
        {
            foreach (var injection in Security.BadInputCorpusTests.Injections)
            {
                using var response = await _client.GetAsync($"/search/?{name}={Uri.EscapeDataString(injection)}");
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{name}={injection[..Math.Min(20, injection.Length)]}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryFieldOfTheFormIsAFilterOfTheApi()
    {
        var parameters = FPbase.Web.Features.Search.SearchForm.Fields.SelectMany(f => f.Parameters).ToList();
        Assert.All(parameters, p => Assert.True(FPbase.Web.Features.Shared.Filtering.ProteinFilters.Set.Contains(p), p));
    }
}
