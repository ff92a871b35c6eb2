using System.Globalization;
using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

/// <summary>What the site holds, read from its database once before the run (so no request is spent on it).</summary>
internal sealed record HostileData(
    IReadOnlyList<string> Slugs,
    IReadOnlyList<int> SpectrumIds,
    IReadOnlyList<int> ReferenceIds,
    IReadOnlyList<string> Dois,
    IReadOnlyList<string> MicroscopeIds,
    IReadOnlyList<int> OpticalConfigIds,
    int Proteins,
    int Spectra)
{
    public static async Task<HostileData> LoadAsync(string connectionString)
    {
        await using var db = new FpbaseDbContext(new DbContextOptionsBuilder<FpbaseDbContext>().UseNpgsql(connectionString).Options);
        var approved = db.Proteins.Where(p => p.Status == ProteinStatus.Approved);
        var spectra = db.Spectra.Where(s => s.Status == SpectrumStatus.Approved);
        return new HostileData(
            await approved.OrderBy(p => p.Id).Select(p => p.Slug).Take(500).ToListAsync(),
            await spectra.OrderBy(s => s.Id).Select(s => s.Id).Take(5000).ToListAsync(),
            await db.References.OrderBy(r => r.Id).Select(r => r.Id).Take(500).ToListAsync(),
            await db.References.OrderBy(r => r.Id).Select(r => r.Doi).Where(d => d != "").Take(500).ToListAsync(),
            await db.Microscopes.OrderBy(m => m.Id).Select(m => m.Id).Take(100).ToListAsync(),
            await db.OpticalConfigs.OrderBy(o => o.Id).Select(o => o.Id).Take(500).ToListAsync(),
            await approved.CountAsync(),
            await spectra.CountAsync());
    }
}

/// <summary>One cached GET route (a <c>[CacheResources]</c> endpoint) and a URL on it with a query string no one sent before.</summary>
internal sealed record HostileRoute(string Template, Func<Random, string> Url)
{
    /// <summary>Under the rate limiter (<c>/api/*</c>, <c>/graphql/</c>); the site's pages and images are not.</summary>
    public bool Limited => Template.StartsWith("/api/", StringComparison.Ordinal) || Template.StartsWith("/graphql/", StringComparison.Ordinal);

    /// <summary>
    /// Every cached GET route of the site (grep -rn CacheResources src/FPbase.Web), each with a fresh query string:
    /// where the route checks its parameters (the filtered API lists, spectra images, CSV), valid parameters with
    /// random values, so that every request asks for a representation not built yet; elsewhere a random unknown
    /// parameter (which a route that checks refuses, and one that ignores builds and caches anew). And a protein
    /// that does not exist, whose resource name must cost no memory anywhere (a 404 stores no version).
    /// </summary>
    public static IReadOnlyList<HostileRoute> All(HostileData data)
    {
        static string Junk(Random r) => $"{Hex(r, 6)}={Hex(r, 8)}";
        static string Number(Random r, double low, double high) => (low + (r.NextDouble() * (high - low))).ToString("F3", CultureInfo.InvariantCulture);
        T Pick<T>(Random r, IReadOnlyList<T> list) => list[r.Next(list.Count)];
        string Ids(Random r, int most) => string.Join(',', Enumerable.Range(0, r.Next(2, most + 1)).Select(_ => Pick(r, data.SpectrumIds)));
        string XLim(Random r) => $"xlim={350 + r.Next(100)},{550 + r.Next(250)}";

        return
        [
            new("/", r => "/?" + Junk(r)),
            new("/protein/{slug}/", r => $"/protein/{Pick(r, data.Slugs)}/?{Junk(r)}"),
            new("/protein/{made-up slug}/", r => $"/protein/{Hex(r, 12)}/"),
            new("/table/", r => "/table/?" + Junk(r)),
            new("/references/", r => "/references/?" + Junk(r)),
            new("/reference/{id}/", r => $"/reference/{Pick(r, data.ReferenceIds)}/?{Junk(r)}"),
            new("/reference/{doi}/", r => $"/reference/{Pick(r, data.Dois)}/?{Junk(r)}"),
            new("/spectra/", r => "/spectra/?" + Junk(r)),
            new("/spectra_img/{slug}.svg?xlim=", r => $"/spectra_img/{Pick(r, data.Slugs)}.svg?{XLim(r)}"),
            new("/spectra_img/{slug}.png?xlim=", r => $"/spectra_img/{Pick(r, data.Slugs)}.png?{XLim(r)}"),
            new("/ajax/lineage/{slug}/", r => $"/ajax/lineage/{Pick(r, data.Slugs)}/?{Junk(r)}"),
            new("/spectra_csv/?q=", r => "/spectra_csv/?q=" + Ids(r, 20)),
            new("/api/spectra-list/", r => "/api/spectra-list/?" + Junk(r)),
            new("/api/proteins/spectraslugs/", r => "/api/proteins/spectraslugs/?" + Junk(r)),
            new("/api/optical-configs-list/", r => "/api/optical-configs-list/?" + Junk(r)),
            new("/api/proteins/ocinfo/", r => "/api/proteins/ocinfo/?" + Junk(r)),
            new("/api/proteins/?default_state__ex_max__gte=", r => "/api/proteins/?default_state__ex_max__gte=" + Number(r, 350, 650)),
            new("/api/proteins/basic/?default_state__em_max__lte=", r => "/api/proteins/basic/?default_state__em_max__lte=" + Number(r, 450, 750)),
            new("/api/proteins/table-data/?default_state__qy__gte=", r => "/api/proteins/table-data/?default_state__qy__gte=" + Number(r, 0, 0.9)),
            new("/api/proteins/spectra/?default_state__em_max__lte=", r => "/api/proteins/spectra/?default_state__em_max__lte=" + Number(r, 450, 750)),
            new("/api/spectrum/{id}/", r => $"/api/spectrum/{Pick(r, data.SpectrumIds)}/?{Junk(r)}"),
            new("/api/proteins/{slug}/", r => $"/api/proteins/{Pick(r, data.Slugs)}/?{Junk(r)}"),
            new("/api/microscopes/{id}/", r => $"/api/microscopes/{Pick(r, data.MicroscopeIds)}/?{Junk(r)}"),
            new("/api/optical-configs/{id}/", r => $"/api/optical-configs/{Pick(r, data.OpticalConfigIds)}/?{Junk(r)}"),
            new("/graphql/?query={rALIAS: spectrum(id:)}", r => "/graphql/?query=" + Uri.EscapeDataString($"{{ r{Hex(r, 8)}: spectrum(id: {Pick(r, data.SpectrumIds)}) {{ id data color }} }}")),
        ];
    }

    public static string Hex(Random r, int length)
    {
        Span<byte> bytes = stackalloc byte[(length + 1) / 2];
        r.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }
}
