using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.Owner;

/// <summary>
/// The approved spectra of the owner with a slug (FPbase's <c>Spectrum.objects.filter_owner</c>), in one SQL
/// query, ordered by id, written as FPbase's d3dicts.
/// </summary>
internal static class OwnerSpectraQuery
{
    public static async Task<List<OwnerSpectrum>> LoadAsync(FpbaseDbContext db, string slug, CancellationToken cancellationToken)
    {
        var rows = await db.Spectra.AsNoTracking()
            .Where(s => (s.OwnerFluor != null && s.OwnerFluor.Slug == slug)
                || (s.OwnerFilter != null && s.OwnerFilter.Slug == slug)
                || (s.OwnerLight != null && s.OwnerLight.Slug == slug)
                || (s.OwnerCamera != null && s.OwnerCamera.Slug == slug))
            .OrderBy(s => s.Id)
            .Select(s => new Row(
                s.Id,
                s.Category,
                s.Subtype,
                s.MinWave,
                s.MaxWave,
                s.PeakWave,
                s.Values,
                s.OwnerFluor != null ? s.OwnerFluor.Slug
                    : s.OwnerFilter != null ? s.OwnerFilter.Slug
                    : s.OwnerLight != null ? s.OwnerLight.Slug
                    : s.OwnerCamera!.Slug,
                s.OwnerFluor != null ? s.OwnerFluor.OwnerName
                    : s.OwnerFilter != null ? s.OwnerFilter.Name
                    : s.OwnerLight != null ? s.OwnerLight.Name
                    : s.OwnerCamera!.Name,
                s.OwnerFluor != null ? s.OwnerFluor.Name : null,
                s.OwnerFluor is State ? ((State)s.OwnerFluor).Protein.Slug : null,
                s.OwnerFluor != null ? s.OwnerFluor.ExtCoeff : null,
                s.OwnerFluor != null ? s.OwnerFluor.Qy : null,
                s.OwnerFluor != null ? s.OwnerFluor.ExMax : null,
                s.OwnerFluor != null ? s.OwnerFluor.EmMax : null,
                s.OwnerFluor != null ? s.OwnerFluor.TwopPeakGM : null,
                s.OwnerFluor != null ? s.OwnerFluor.TwopQy : null))
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToD3);
    }

    private static OwnerSpectrum ToD3(Row r)
    {
        var category = r.Category.ToCode();
        var subtype = r.Subtype.ToCode();
        var color = r.Category switch
        {
            SpectrumCategory.Camera => "url(#crosshatch)",
            SpectrumCategory.Light => "url(#wavecolor_gradient)",
            _ => WaveToHex.Convert(r.PeakWave),
        };
        var key = r.StateName is null
            ? r.OwnerName
            : r.StateName == "default" ? $"{r.OwnerName} {subtype}" : $"{r.OwnerName} ({r.StateName}) {subtype}";
        var url = r.ProteinSlug is not null ? $"/protein/{r.ProteinSlug}/" : $"/spectra/?s={r.Id}";
        return new OwnerSpectrum(
            r.OwnerSlug,
            key,
            r.Id,
            new D3Values(r.MinWave, r.Values),
            r.PeakWave is { } peak ? peak : false,
            r.MinWave,
            r.MaxWave,
            category,
            r.Subtype == SpectrumSubtype.Absorption ? SpectrumSubtype.Excitation.ToCode() : subtype,
            color,
            r.Subtype is not (SpectrumSubtype.LongPass or SpectrumSubtype.Beamsplitter),
            url,
            $"category-{category} subtype-{subtype}")
        {
            Fluorophore = r.Category is SpectrumCategory.Protein or SpectrumCategory.Dye ? FluorophoreFields(r) : null,
        };
    }

    private static Dictionary<string, object?>? FluorophoreFields(Row r) => r.Subtype switch
    {
        SpectrumSubtype.Excitation or SpectrumSubtype.Absorption => new() { ["scalar"] = r.ExtCoeff, ["ex_max"] = r.ExMax },
        SpectrumSubtype.Emission => new() { ["scalar"] = r.Qy, ["em_max"] = r.EmMax },
        SpectrumSubtype.TwoPhoton => new() { ["scalar"] = r.TwopPeakGm, ["twop_qy"] = r.TwopQy },
        _ => null,
    };

    private sealed record Row(
        int Id,
        SpectrumCategory Category,
        SpectrumSubtype Subtype,
        int MinWave,
        int MaxWave,
        int? PeakWave,
        float[] Values,
        string OwnerSlug,
        string OwnerName,
        string? StateName,
        string? ProteinSlug,
        int? ExtCoeff,
        double? Qy,
        int? ExMax,
        int? EmMax,
        double? TwopPeakGm,
        double? TwopQy);
}
