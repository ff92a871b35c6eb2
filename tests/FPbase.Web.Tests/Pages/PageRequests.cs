using System.Net.Http.Headers;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>Small helpers the page tests share: ETags before and after an edit, conditional requests, test proteins.</summary>
internal static class PageRequests
{
    public static async Task<EntityTagHeaderValue> ETagOf(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{url} has no ETag.");
    }

    public static Task<HttpResponseMessage> GetIfNoneMatch(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }

    public static HttpClient NoRedirects(FpbaseApplication app)
        => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Two distinct approved generated proteins with states, not lineage parent and child of each other (a
    /// protein page links those by name), and never EGFP or mCherry, which other tests read.
    /// </summary>
    public static async Task<(string A, string B)> TwoProteins(FpbaseApplication app, int skip)
        => await app.WithDbAsync(async db =>
        {
            var slugs = await db.Proteins
                .Where(p => p.Status == ProteinStatus.Approved && p.Slug != "egfp" && p.Slug != "mcherry" && p.States.Any())
                .OrderBy(p => p.Id).Select(p => p.Slug).ToListAsync();
            var a = slugs[skip * 2];
            var neighbours = await db.Lineages
                .Where(l => (l.Parent != null && l.Parent.Protein.Slug == a) || l.Children.Any(c => c.Protein.Slug == a))
                .Select(l => l.Protein.Slug).ToListAsync();
            var b = slugs.Skip((skip * 2) + 1).First(s => !neighbours.Contains(s));
            return (a, b);
        });

    public static async Task Edit(FpbaseApplication app, Func<FpbaseDbContext, Task> edit)
        => await app.WithDbAsync(async db =>
        {
            await edit(db);
            await db.SaveChangesAsync();
        });

    /// <summary>A new bandpass filter named <paramref name="name"/> plus a random suffix, with a small approved spectrum from <paramref name="minWave"/>: a new owner and a new spectrum in the lists.</summary>
    public static Task<int> AddFilterWithSpectrum(FpbaseApplication app, string name, int minWave) => app.WithDbAsync(async db =>
    {
        var filter = new FPbase.Data.Entities.Filter();
        filter.ApplyName(name + " " + Guid.NewGuid().ToString("N")[..6]);
        filter.Spectrum = new FPbase.Data.Entities.Spectrum { Category = FPbase.Data.Entities.SpectrumCategory.Filter, Subtype = FPbase.Data.Entities.SpectrumSubtype.Bandpass };
        filter.Spectrum.SetData(minWave, [0.1f, 0.9f, 0.1f]);
        db.Filters.Add(filter);
        await db.SaveChangesAsync();
        return filter.Id;
    });
}
