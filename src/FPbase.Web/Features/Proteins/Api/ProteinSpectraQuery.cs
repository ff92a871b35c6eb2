using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Spectra.Api;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// <c>/api/proteins/spectra/</c>: proteins with more than one (approved) spectrum, by name then id, each
/// state's excitation spectrum (or, lacking one, its absorption spectrum) and emission spectrum, in one
/// SQL query. Unlike FPbase (its issue #222), the filters apply.
/// </summary>
internal static class ProteinSpectraQuery
{
    public static IQueryable<Protein> Source(IQueryable<Protein> proteins)
        => proteins.Where(p => p.States.SelectMany(s => s.Spectra).Count() > 1);

    public static async Task<List<ProteinSpectraItem>> LoadAsync(IQueryable<Protein> proteins, CancellationToken cancellationToken)
    {
        SpectrumSubtype[] shown = [SpectrumSubtype.Excitation, SpectrumSubtype.Absorption, SpectrumSubtype.Emission];
        var rows = await proteins.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Name,
                p.Slug,
                States = p.States.OrderBy(s => s.Id).Select(s => new
                {
                    s.Name,
                    s.ExMax,
                    s.EmMax,
                    s.ExtCoeff,
                    s.Qy,
                    Spectra = s.Spectra.Where(sp => shown.Contains(sp.Subtype)).OrderBy(sp => sp.Id)
                        .Select(sp => new { sp.Subtype, sp.MinWave, sp.Values }).ToList(),
                }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return rows.ConvertAll(p => new ProteinSpectraItem(p.Name, p.Slug, p.States.SelectMany(s =>
        {
            var ex = s.Spectra.FirstOrDefault(sp => sp.Subtype == SpectrumSubtype.Excitation)
                ?? s.Spectra.FirstOrDefault(sp => sp.Subtype == SpectrumSubtype.Absorption);
            var em = s.Spectra.FirstOrDefault(sp => sp.Subtype == SpectrumSubtype.Emission);
            var items = new List<StateSpectrumItem>(2);
            if (ex is not null)
            {
                items.Add(new ExcitationSpectrumItem(s.Name + "_ex", s.ExtCoeff, s.ExMax, new SpectrumValues(ex.MinWave, ex.Values)));
            }

            if (em is not null)
            {
                items.Add(new EmissionSpectrumItem(s.Name + "_em", s.Qy, s.EmMax, new SpectrumValues(em.MinWave, em.Values)));
            }

            return items;
        }).ToList()));
    }
}
