using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Crawlers;

/// <summary>One <c>&lt;url&gt;</c> of the sitemap: a path on this site, its last change (if known) and FPbase's hints.</summary>
internal sealed record SitemapEntry(string Path, DateTime? Modified, string Priority);

/// <summary>
/// What FPbase's sitemap lists (backend/fpbase/sitemaps.py), of what this site serves: its own pages, every visible
/// protein, every reference and every microscope, each with its last modification; ordered by path within each
/// kind (a total order: paths are unique). Three queries of two or three columns each.
/// </summary>
internal static class SitemapQuery
{
    /// <summary>The site's own pages (FPbase's StaticSitemap, priority 0.8).</summary>
    public static readonly IReadOnlyList<string> StaticPaths =
        ["/", "/search/", "/table/", "/spectra/", "/fret/", "/references/", "/about/", "/cite/", "/help/"];

    public static async Task<List<SitemapEntry>> LoadAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var entries = StaticPaths.Select(p => new SitemapEntry(p, null, "0.8")).ToList();
        var proteins = await db.Proteins.AsNoTracking().Where(p => p.Status != ProteinStatus.Hidden)
            .OrderBy(p => p.Slug).Select(p => new { p.Slug, p.Modified }).ToListAsync(cancellationToken);
        entries.AddRange(proteins.Select(p => new SitemapEntry($"/protein/{Uri.EscapeDataString(p.Slug)}/", p.Modified, "0.7")));
        var references = await db.References.AsNoTracking()
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Modified }).ToListAsync(cancellationToken);
        entries.AddRange(references.Select(r => new SitemapEntry(FormattableString.Invariant($"/reference/{r.Id}/"), r.Modified, "0.6")));
        var microscopes = await db.Microscopes.AsNoTracking()
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Modified }).ToListAsync(cancellationToken);
        entries.AddRange(microscopes.Select(m => new SitemapEntry($"/microscope/{Uri.EscapeDataString(m.Id)}/", m.Modified, "0.7")));
        return entries;
    }
}
