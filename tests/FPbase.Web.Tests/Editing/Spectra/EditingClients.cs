using System.Net;
using System.Net.Http.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Spectra;

/// <summary>Small helpers of the editing tests: a valid submission, counts of rows, ETags.</summary>
internal static class EditingClients
{
    public static object ValidSpectrum(string owner = "egfp_default", string category = "p", string subtype = "ex", int from = 400, int count = 11, string source = "test")
        => new
        {
            owner,
            category,
            subtype,
            data = Enumerable.Range(from, count).Select(w => new double[] { w, (w - from) / (double)(count - 1) }).ToArray(),
            source,
        };

    public static async Task<int> SubmitAsync(HttpClient script, object? spectrum = null)
    {
        var response = await script.PostAsJsonAsync("/api/spectra/", spectrum ?? ValidSpectrum());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    public static Task<int> AllSpectraAsync(this FpbaseApplication app)
        => app.WithDbAsync(db => db.Spectra.IgnoreQueryFilters().CountAsync());

    public static Task<SpectrumStatus?> StatusOfAsync(this FpbaseApplication app, int id)
        => app.WithDbAsync(db => db.Spectra.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => (SpectrumStatus?)s.Status).SingleOrDefaultAsync());

    public static async Task<(string? ETag, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag?.Tag, await response.Content.ReadAsStringAsync());
    }

    public static string CacheControl(HttpResponseMessage response) => response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : "";
}
