using FPbase.Data;
using FPbase.Data.Domain.Fret;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// The proteins (not hidden) as FRET donors and acceptors: each default state's photophysics with its approved
/// emission, absorption and excitation spectra. Two SQL queries for the whole list, whatever its size.
/// </summary>
internal static class FretFluorQuery
{
    private static readonly SpectrumSubtype[] Subtypes = [SpectrumSubtype.Emission, SpectrumSubtype.Absorption, SpectrumSubtype.Excitation];

    /// <summary>Every protein with a default state, by name then slug.</summary>
    public static Task<List<FretFluor>> LoadAllAsync(FpbaseDbContext db, CancellationToken cancellationToken)
        => LoadAsync(db, db.Proteins, cancellationToken);

    /// <summary>One protein by slug (lower-case), or null when there is none (or it is hidden, or has no default state).</summary>
    public static async Task<FretFluor?> LoadOneAsync(FpbaseDbContext db, string slug, CancellationToken cancellationToken)
        => (await LoadAsync(db, db.Proteins.Where(p => p.Slug == slug), cancellationToken)).FirstOrDefault();

    private static async Task<List<FretFluor>> LoadAsync(FpbaseDbContext db, IQueryable<Protein> proteins, CancellationToken cancellationToken)
    {
        var visible = proteins.Where(p => p.Status != ProteinStatus.Hidden && p.DefaultStateId != null);
        var rows = await visible.AsNoTracking()
            .Select(p => new
            {
                StateId = p.DefaultStateId!.Value,
                p.Slug,
                p.Name,
                p.Cofactor,
                p.Agg,
                p.SwitchType,
                p.DefaultState!.ExMax,
                p.DefaultState.EmMax,
                p.DefaultState.Qy,
                p.DefaultState.ExtCoeff,
            })
            .OrderBy(p => p.Name).ThenBy(p => p.Slug)
            .ToListAsync(cancellationToken);

        // One spectrum per state and subtype (FPbase asserts there is at most one); the lowest id if ever more.
        var spectra = await db.Spectra.AsNoTracking()
            .Where(s => s.OwnerFluorId != null && Subtypes.Contains(s.Subtype) && visible.Any(p => p.DefaultStateId == s.OwnerFluorId))
            .OrderBy(s => s.Id)
            .Select(s => new { StateId = s.OwnerFluorId!.Value, s.Subtype, s.MinWave, s.Values })
            .ToListAsync(cancellationToken);
        var byState = new Dictionary<(int, SpectrumSubtype), GridSpectrum>();
        foreach (var s in spectra)
        {
            if (s.Values.Length > 0)
            {
                byState.TryAdd((s.StateId, s.Subtype), new GridSpectrum(s.MinWave, s.Values));
            }
        }

        return rows.ConvertAll(r =>
        {
            GridSpectrum? Spectrum(SpectrumSubtype subtype) => byState.TryGetValue((r.StateId, subtype), out var g) ? g : null;
            var protein = new FretProtein(
                r.Slug,
                r.Name,
                r.Cofactor,
                Listable: r.Agg == Aggregation.Monomer && r.SwitchType == SwitchType.Basic,
                r.ExMax,
                r.EmMax,
                r.Qy,
                r.ExtCoeff);
            return new FretFluor(protein, Spectrum(SpectrumSubtype.Emission), Spectrum(SpectrumSubtype.Absorption) ?? Spectrum(SpectrumSubtype.Excitation));
        });
    }
}
