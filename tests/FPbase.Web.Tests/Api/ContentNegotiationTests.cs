using System.Net;
using System.Net.Http.Json;
using FPbase.Web.Features.Proteins.Api;
using FPbase.Web.Features.Shared;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;

namespace FPbase.Web.Tests.Api;

/// <summary>
/// <c>/api/proteins/</c> and <c>/basic/</c> answer CSV by default, as FPbase (its first renderer is CSV), JSON when
/// <c>Accept</c> or <c>format=</c> asks; each representation has its own ETag, a 304 answers only the representation
/// asked for, and every response says <c>Vary: Accept</c>.
/// </summary>
public sealed class ContentNegotiationTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private readonly HttpClient _client = site.App.CreateClient();

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept = null, System.Net.Http.Headers.EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/proteins/", null, "text/csv")]
    [InlineData("/api/proteins/", "*/*", "text/csv")]
    [InlineData("/api/proteins/", BrowserAccept, "text/csv")]
    [InlineData("/api/proteins/", "application/json", "application/json")]
    [InlineData("/api/proteins/", "application/json, text/plain, */*", "application/json")]
    [InlineData("/api/proteins/", "application/json; indent=4, text/csv", "application/json")]
    [InlineData("/api/proteins/", "application/json;q=0.5, text/csv", "text/csv")]
    [InlineData("/api/proteins/", "text/csv;q=0, application/json", "application/json")]
    [InlineData("/api/proteins/", "application/*", "application/json")]
    [InlineData("/api/proteins/", "application/xml", "text/csv")]
    [InlineData("/api/proteins/", "garbage, ;;;, /", "text/csv")]
    [InlineData("/api/proteins/basic/", null, "text/csv")]
    [InlineData("/api/proteins/basic/", "application/json", "application/json")]
    [InlineData("/api/proteins/?format=json", null, "application/json")]
    [InlineData("/api/proteins/?format=csv", "application/json", "text/csv")]
    [InlineData("/api/proteins/basic/?format=json", "text/csv", "application/json")]
    public async Task AcceptAndFormatChooseTheRepresentationAsFpbasesRestFrameworkDoes(string url, string? accept, string mediaType)
    {
        using var response = await GetAsync(url, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var vary = response.Headers.Vary.ToList();
        Assert.Contains("Accept", vary);
        Assert.Contains("Accept-Encoding", vary);
        var body = await response.Content.ReadAsStringAsync();
        if (mediaType == "text/csv")
        {
            Assert.Contains(",slug,", body.Split("\r\n")[0], StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("[{", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachRepresentationHasItsOwnETagAndFormatAndAcceptShareOneWhenTheyAreOne()
    {
        var csv = (await GetAsync("/api/proteins/")).Headers.ETag!;
        var json = (await GetAsync("/api/proteins/", "application/json")).Headers.ETag!;
        Assert.NotEqual(csv, json);
        Assert.Equal(csv, (await GetAsync("/api/proteins/?format=csv")).Headers.ETag);
        Assert.Equal(csv, (await GetAsync("/api/proteins/", "text/csv")).Headers.ETag);
        Assert.Equal(csv, (await GetAsync("/api/proteins/?format=csv", "application/json")).Headers.ETag);
        Assert.Equal(json, (await GetAsync("/api/proteins/?format=json")).Headers.ETag);
        Assert.Equal(json, (await GetAsync("/api/proteins/?format=json", "text/csv")).Headers.ETag);
        Assert.Equal(
            await (await GetAsync("/api/proteins/?format=json")).Content.ReadAsStringAsync(),
            await (await GetAsync("/api/proteins/", "application/json")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A304AnswersOnlyTheRepresentationAskedFor()
    {
        var csv = (await GetAsync("/api/proteins/basic/")).Headers.ETag!;
        var json = (await GetAsync("/api/proteins/basic/", "application/json")).Headers.ETag!;

        using var sameCsv = await GetAsync("/api/proteins/basic/", null, csv);
        Assert.Equal(HttpStatusCode.NotModified, sameCsv.StatusCode);
        Assert.Equal(csv, sameCsv.Headers.ETag);
        Assert.Contains("Accept", sameCsv.Headers.Vary);

        using var sameJson = await GetAsync("/api/proteins/basic/", "application/json", json);
        Assert.Equal(HttpStatusCode.NotModified, sameJson.StatusCode);
        Assert.Equal(json, sameJson.Headers.ETag);

        // The CSV's validator does not validate the JSON, nor the other way round.
        using var jsonWithCsvTag = await GetAsync("/api/proteins/basic/", "application/json", csv);
        Assert.Equal(HttpStatusCode.OK, jsonWithCsvTag.StatusCode);
        Assert.Equal("application/json", jsonWithCsvTag.Content.Headers.ContentType!.MediaType);
        Assert.Equal(json, jsonWithCsvTag.Headers.ETag);
        using var csvWithJsonTag = await GetAsync("/api/proteins/basic/?format=csv", null, json);
        Assert.Equal(HttpStatusCode.OK, csvWithJsonTag.StatusCode);
        Assert.Equal("text/csv", csvWithJsonTag.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UnknownParametersAreIgnoredNotRefusedAndMakeNoVariant()
    {
        var csv = (await GetAsync("/api/proteins/")).Headers.ETag!;
        var json = (await GetAsync("/api/proteins/?format=json")).Headers.ETag!;
        foreach (var junk in new[] { "fields=name,slug", "display=l", "_=1712345678", "include_fields=states__ex_spectrum", "utm_source=x" })
        {
            using var plain = await GetAsync("/api/proteins/?" + junk);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Equal(csv, plain.Headers.ETag);
            using var asJson = await GetAsync("/api/proteins/?format=json&" + junk);
            Assert.Equal(HttpStatusCode.OK, asJson.StatusCode);
            Assert.Equal(json, asJson.Headers.ETag);
        }
    }

    [Fact]
    public async Task BothRepresentationsChangeAtOnceAfterAnEditorsEdit()
    {
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 3);
        var url = $"/api/proteins/?slug={slug}";
        var csv = (await GetAsync(url)).Headers.ETag!;
        var json = (await GetAsync(url, "application/json")).Headers.ETag!;

        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var edit = await editor.Http.PatchAsJsonAsync($"/api/proteins/{slug}/", new { ipg_id = "neg4711" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        using var csvAfter = await GetAsync(url, null, csv);
        Assert.Equal(HttpStatusCode.OK, csvAfter.StatusCode);
        Assert.Contains("neg4711", await csvAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var jsonAfter = await GetAsync(url, "application/json", json);
        Assert.Equal(HttpStatusCode.OK, jsonAfter.StatusCode);
        Assert.Contains("\"ipg_id\":\"neg4711\"", await jsonAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRoutesThatServeOnlyJsonStillAnswerJsonWhateverTheAcceptHeader()
    {
        foreach (var url in new[] { "/api/proteins/table-data/", "/api/proteins/spectra/", "/api/spectra-list/" })
        {
            using var response = await GetAsync(url, "*/*");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.DoesNotContain("Accept", response.Headers.Vary);
        }
    }

    [Theory]
    [InlineData(null, "csv")]
    [InlineData("", "csv")]
    [InlineData("application/JSON", "json")]
    [InlineData("text/*, application/json", "json")]
    [InlineData("*/*, application/json;q=0", "csv")]
    [InlineData("application/json;q=0", "csv")]
    public void TheNegotiationRankBySpecificityThenRendererOrder(string? accept, string format)
        => Assert.Equal(format, ContentNegotiation.Choose(accept, NegotiatedProteinListParameters.Renderers));

    [Fact]
    public void AHugeAcceptHeaderIsReadOnlyUpToItsBound()
    {
        var accept = string.Join(", ", Enumerable.Repeat("application/xml", ContentNegotiation.MaxMediaTypes)) + ", application/json";
        Assert.Equal("csv", ContentNegotiation.Choose(accept, NegotiatedProteinListParameters.Renderers));
    }
}
