using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// The <c>spectra</c> root field: approved spectra with their owners, optionally of one category and
/// subtype (FPbase codes, any case: <c>"P"</c>, <c>"em"</c>, <c>"2P"</c>), in one projection without values.
/// An unknown code matches nothing, as in FPbase.
/// </summary>
internal static class SpectraQuery
{
    public static async Task<IReadOnlyList<SpectrumInfo>> LoadAsync(FpbaseDbContext db, string? category, string? subtype, CancellationToken cancellationToken)
    {
        var spectra = db.Spectra.AsNoTracking();
        if (!string.IsNullOrEmpty(category))
        {
            if (!FpbaseCodes.TryParse<SpectrumCategory>(category.ToLowerInvariant(), out var value))
            {
                return [];
            }

            spectra = spectra.Where(s => s.Category == value);
        }

        if (!string.IsNullOrEmpty(subtype))
        {
            if (!FpbaseCodes.TryParse<SpectrumSubtype>(subtype.ToLowerInvariant(), out var value))
            {
                return [];
            }

            spectra = spectra.Where(s => s.Subtype == value);
        }

        var rows = await spectra
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

        return rows.ConvertAll(r => new SpectrumInfo(
            r.Id,
            r.Category.ToCode().ToUpperInvariant(),
            r.Subtype.ToCode().ToUpperInvariant(),
            new SpectrumOwnerInfo(r.OwnerId, r.OwnerName, r.OwnerSlug, r.OwnerUrl)));
    }
}
