using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.List;

/// <summary>
/// The approved spectra with their owners, ordered by owner name: one SQL projection, no spectrum
/// values loaded. Pending and rejected spectra are left out by the context's global filter.
/// </summary>
internal static class SpectraListQuery
{
    public static Task<IReadOnlyList<SpectraListItem>> LoadAsync(FpbaseDbContext db, CancellationToken cancellationToken)
        => LoadAsync(db.Spectra, cancellationToken);

    /// <summary>The same list over a filtered set of spectra (GraphQL's <c>spectra(category, subtype)</c>).</summary>
    public static async Task<IReadOnlyList<SpectraListItem>> LoadAsync(IQueryable<Spectrum> spectra, CancellationToken cancellationToken)
    {
        var rows = await spectra.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.Category,
                s.Subtype,
                OwnerId = s.OwnerFluorId ?? s.OwnerFilterId ?? s.OwnerLightId ?? s.OwnerCameraId ?? 0,
                OwnerSlug = s.OwnerFluor != null ? s.OwnerFluor.Slug
                    : s.OwnerFilter != null ? s.OwnerFilter.Slug
                    : s.OwnerLight != null ? s.OwnerLight.Slug
                    : s.OwnerCamera!.Slug,
                OwnerName = s.OwnerFluor != null ? s.OwnerFluor.OwnerName
                    : s.OwnerFilter != null ? s.OwnerFilter.Name
                    : s.OwnerLight != null ? s.OwnerLight.Name
                    : s.OwnerCamera!.Name,
                OwnerUrl = s.OwnerFluor != null ? ""
                    : s.OwnerFilter != null ? s.OwnerFilter.Url
                    : s.OwnerLight != null ? s.OwnerLight.Url
                    : s.OwnerCamera!.Url,
            })
            .OrderBy(s => s.OwnerName).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(r => new SpectraListItem(
            r.Id,
            r.Category.ToCode(),
            r.Subtype.ToCode(),
            new SpectrumOwnerRef(r.OwnerId, r.OwnerSlug, r.OwnerName, r.OwnerUrl)));
    }
}
