using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Spectra.List;
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

        var items = await SpectraListQuery.LoadAsync(spectra, cancellationToken);
        return items.Select(i => new SpectrumInfo(
            i.Id,
            i.Category.ToUpperInvariant(),
            i.Subtype.ToUpperInvariant(),
            new SpectrumOwnerInfo(i.Owner.Id, i.Owner.Name, i.Owner.Slug, i.Owner.Url))).ToList();
    }
}
