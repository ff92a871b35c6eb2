using FPbase.Data.Domain.Fret;
using FPbase.Data.Entities;
using FPbase.Data.Seeding;

namespace FPbase.Data.Tests.Fret;

/// <summary>Seed data as FRET donors and acceptors, in memory: each protein's default state (<see cref="SeedData.DefaultStates"/>) with its approved spectra.</summary>
internal static class SeedFluors
{
    public static List<FretFluor> Of(SeedData data)
    {
        var states = data.States.OfType<State>().ToDictionary(s => s.Id);
        var spectra = data.Spectra.Where(s => s.OwnerFluorId is not null && s.Status == SpectrumStatus.Approved)
            .OrderBy(s => s.Id).GroupBy(s => (s.OwnerFluorId!.Value, s.Subtype))
            .ToDictionary(g => g.Key, g => new GridSpectrum(g.First().MinWave, g.First().Values));
        GridSpectrum? Find(int state, SpectrumSubtype subtype) => spectra.TryGetValue((state, subtype), out var s) ? s : null;
        return data.Proteins.Where(p => data.DefaultStates.ContainsKey(p.Id) && p.Status != ProteinStatus.Hidden).Select(p =>
        {
            var s = states[data.DefaultStates[p.Id]];
            return new FretFluor(
                new FretProtein(p.Slug, p.Name, p.Cofactor, p.Agg == Aggregation.Monomer && p.SwitchType == SwitchType.Basic, s.ExMax, s.EmMax, s.Qy, s.ExtCoeff),
                Find(s.Id, SpectrumSubtype.Emission),
                Find(s.Id, SpectrumSubtype.Absorption) ?? Find(s.Id, SpectrumSubtype.Excitation));
        }).ToList();
    }

    /// <summary>The real EGFP and mCherry records of the embedded FPbase sample.</summary>
    public static (FretFluor Egfp, FretFluor Mcherry) Sample()
    {
        var fluors = Of(SampleImporter.Load());
        return (fluors.Single(f => f.Protein.Slug == "egfp"), fluors.Single(f => f.Protein.Slug == "mcherry"));
    }
}
