using FPbase.Data;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.Viewer;

/// <summary>
/// Counts the approved spectra (the context's global filter leaves out pending and rejected ones) and
/// their distinct owners of each kind, in one SQL statement.
/// </summary>
internal static class SpectraViewerCountsQuery
{
    public static async Task<SpectraViewerCounts> LoadAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Spectra.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new SpectraViewerCounts(
                g.Count(),
                g.Where(s => s.OwnerFluorId != null).Select(s => s.OwnerFluorId).Distinct().Count(),
                g.Where(s => s.OwnerFilterId != null).Select(s => s.OwnerFilterId).Distinct().Count(),
                g.Where(s => s.OwnerLightId != null).Select(s => s.OwnerLightId).Distinct().Count(),
                g.Where(s => s.OwnerCameraId != null).Select(s => s.OwnerCameraId).Distinct().Count()))
            .SingleOrDefaultAsync(cancellationToken);
        return counts ?? new SpectraViewerCounts(0, 0, 0, 0, 0);
    }
}
