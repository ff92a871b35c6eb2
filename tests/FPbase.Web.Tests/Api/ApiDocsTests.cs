using System.Net;
using System.Text.Json;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Api;

/// <summary>Swagger UI and the OpenAPI document Swashbuckle generates.</summary>
public sealed class ApiDocsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task SwaggerUiAnswersAtApiDocs()
    {
        var response = await _client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheDocumentListsTheRoutesAndTheirFilters()
    {
        var response = await _client.GetAsync("/api/docs/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var route in new[] { "/api/proteins/", "/api/proteins/basic/", "/api/proteins/table-data/", "/api/proteins/spectra/", "/api/spectrum/{id}/", "/spectra_csv/" })
        {
            Assert.True(paths.TryGetProperty(route, out _), route);
        }

        var parameters = paths.GetProperty("/api/proteins/").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("format", parameters);
        Assert.Contains("name__icontains", parameters);
        Assert.Contains("default_state__ex_max__around", parameters);
        Assert.Contains("primary_reference__year__range", parameters);
        Assert.Contains("q", paths.GetProperty("/spectra_csv/").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
