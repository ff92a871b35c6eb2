using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary>
/// An approved spectrum with what FPbase shows of its owner, loaded by id in one SQL query (pending
/// and rejected spectra are left out by the context's global filter).
/// </summary>
internal sealed record SpectrumRow(
    int Id,
    SpectrumCategory Category,
    SpectrumSubtype Subtype,
    int MinWave,
    int MaxWave,
    int? PeakWave,
    float[] Values,
    int OwnerId,
    string OwnerSlug,
    string OwnerName,
    string? StateName,
    string? ProteinName,
    string? ProteinSlug)
{
    /// <summary>
    /// FPbase's spectrum name: a protein or dye state's <c>"{owner} {subtype}"</c>, where a state that
    /// is not the default one is <c>"{owner} ({state})"</c>; a filter, light or camera's own name.
    /// </summary>
    public string Name => StateName is null
        ? OwnerName
        : StateName == "default" ? $"{OwnerName} {Subtype.ToCode()}" : $"{OwnerName} ({StateName}) {Subtype.ToCode()}";

    public static Task<List<SpectrumRow>> LoadAsync(FpbaseDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
        => db.Spectra.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.Id)
            .Select(s => new SpectrumRow(
                s.Id,
                s.Category,
                s.Subtype,
                s.MinWave,
                s.MaxWave,
                s.PeakWave,
                s.Values,
                s.OwnerFluorId ?? s.OwnerFilterId ?? s.OwnerLightId ?? s.OwnerCameraId ?? 0,
                s.OwnerFluor != null ? s.OwnerFluor.Slug
                    : s.OwnerFilter != null ? s.OwnerFilter.Slug
                    : s.OwnerLight != null ? s.OwnerLight.Slug
                    : s.OwnerCamera!.Slug,
                s.OwnerFluor != null ? (s.OwnerFluor is State ? ((State)s.OwnerFluor).Protein.Name : ((DyeState)s.OwnerFluor).Dye.Name)
                    : s.OwnerFilter != null ? s.OwnerFilter.Name
                    : s.OwnerLight != null ? s.OwnerLight.Name
                    : s.OwnerCamera!.Name,
                s.OwnerFluor != null ? s.OwnerFluor.Name : null,
                s.OwnerFluor is State ? ((State)s.OwnerFluor).Protein.Name : null,
                s.OwnerFluor is State ? ((State)s.OwnerFluor).Protein.Slug : null))
            .ToListAsync(cancellationToken);
}
