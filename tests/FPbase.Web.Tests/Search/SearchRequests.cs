using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FPbase.Data.Domain;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Search;

/// <summary>What the search, autocomplete and sitemap tests share: an editor's rename through the API, the slugs a page lists.</summary>
internal static partial class SearchRequests
{
    /// <summary>Renames the protein as an editor would, through <c>PATCH /api/proteins/{slug}/</c>; returns the new name and slug.</summary>
    public static async Task<(string Name, string Slug)> RenameAsync(FpbaseApplication app, string slug, string prefix)
    {
        using var editor = await app.CreateBearerClientAsync(await app.CreateEditorAsync());
        var name = prefix + Guid.NewGuid().ToString("N")[..6];
        using var response = await editor.Http.PatchAsJsonAsync($"/api/proteins/{slug}/", new { name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (name, Slugify.Apply(name));
    }

    /// <summary>The <c>data-slug</c> of every result a search page shows.</summary>
    public static List<string> Slugs(string html) => ResultSlug().Matches(html).Select(m => m.Groups[1].Value).ToList();

    public static int Total(string html) => int.Parse(TotalOf().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<(?:li class=\"protein-card\"|tr) data-slug=\"([^\"]+)\"")]
    private static partial Regex ResultSlug();

    [GeneratedRegex("class=\"count\" data-total=\"(\\d+)\"")]
    private static partial Regex TotalOf();
}
