using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.Images;

/// <summary>The spectra figure of a protein (not hidden) or, failing that, of a dye, by slug; null when neither exists.</summary>
internal static class SpectraPlotQuery
{
    public static async Task<SpectraPlot?> LoadAsync(FpbaseDbContext db, string slug, CancellationToken cancellationToken)
    {
        var protein = await db.Proteins.AsNoTracking()
            .Where(p => p.Slug == slug && p.Status != ProteinStatus.Hidden)
            .Select(p => new { p.Id, p.Name, p.DefaultStateId })
            .FirstOrDefaultAsync(cancellationToken);
        if (protein is not null)
        {
            var states = await db.States.AsNoTracking().Include(s => s.Spectra)
                .Where(s => s.ProteinId == protein.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            return Build(protein.Name, states.Find(s => s.Id == protein.DefaultStateId) ?? states.FirstOrDefault(), states);
        }

        var dye = await db.Dyes.AsNoTracking().Where(d => d.Slug == slug).Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(cancellationToken);
        if (dye is not null)
        {
            var states = await db.DyeStates.AsNoTracking().Include(s => s.Spectra)
                .Where(s => s.DyeId == dye.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            return Build(dye.Name, states.FirstOrDefault(), states);
        }

        return null;
    }

    /// <summary>FPbase's figure: every spectrum of every state but two-photon ones, excitation before emission.</summary>
    public static SpectraPlot Build(string title, FluorescentState? defaultState, IEnumerable<FluorescentState> states)
        => new(
            title,
            SpectraPlot.InfoOf(defaultState),
            states.SelectMany(state => state.Spectra
                    .Where(s => s.Subtype != SpectrumSubtype.TwoPhoton && s.Values.Length > 0)
                    .OrderBy(s => s.Subtype).ThenBy(s => s.Id)
                    .Select(s => SpectraPlot.SeriesOf(s, state)))
                .ToList());
}
