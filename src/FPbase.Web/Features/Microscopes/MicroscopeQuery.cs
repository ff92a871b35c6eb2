using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes;

/// <summary>One microscope with its optical configs, filters by slug, in id order.</summary>
public static class MicroscopeQuery
{
    public static async Task<MicroscopeDetail?> LoadAsync(FpbaseDbContext db, string id, CancellationToken ct)
    {
        if (!SafeText.IsLookupKey(id, 22))
        {
            return null;
        }

        var microscope = await db.Microscopes.AsNoTracking().AsSplitQuery()
            .Include(m => m.OpticalConfigs).ThenInclude(c => c.FilterPlacements).ThenInclude(p => p.Filter)
            .Include(m => m.OpticalConfigs).ThenInclude(c => c.Light)
            .Include(m => m.OpticalConfigs).ThenInclude(c => c.Camera)
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        return microscope is null ? null : new MicroscopeDetail(
            microscope.Id,
            microscope.Name,
            microscope.Description,
            microscope.ExtraLasers,
            microscope.OpticalConfigs.OrderBy(c => c.Id).Select(c => new OpticalConfigDetail(
                c.Id, c.Name, c.Description, c.Comments, c.Light?.Slug, c.Camera?.Slug, c.Laser,
                c.FilterPlacements.OrderBy(p => p.Id).Select(p => new FilterPlacementDetail(p.Filter.Slug, p.Path.ToCode(), p.Reflects)).ToList())).ToList());
    }
}
