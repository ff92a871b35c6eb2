using FPbase.Data.Domain;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

// Dyes and their states, fluorophore spectra (approved and pending), and the one place a spectrum is made.
internal sealed partial class DataGenerator
{
    private void GenerateDyesAndFluorSpectra()
    {
        var approvedSoFar = _data.Spectra.Count(s => s.Status == SpectrumStatus.Approved);
        var fluorTarget = Math.Max(0, _options.Spectra - approvedSoFar);

        // capacity: one approved spectrum per state and subtype
        var capacity = _data.States.Sum(s => Layers.Count(l => l.Allowed(s) && !ApprovedSubtypes(s.Id).Contains(l.Subtype)));
        var dyesNeeded = (int)Math.Ceiling(Math.Max(0, fluorTarget - capacity) / 3.0);
        var dyeTarget = _data.Dyes.Count + Math.Max(_options.DyesOrDefault - _data.Dyes.Count, dyesNeeded);

        var dyeIds = new IdAllocator(_data.Dyes.Select(d => d.Id));
        var stateIds = new IdAllocator(_data.States.Select(s => s.Id));
        var slugs = _data.Dyes.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);
        var stateSlugs = _data.States.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        var attempts = 0;
        var collisionsInARow = 0;
        while (_data.Dyes.Count < dyeTarget && attempts++ < dyeTarget * 50)
        {
            var (family, manufacturer, url) = DyeFamilies[_rng.Next(DyeFamilies.Length)];
            var ex = _rng.Next(350, 781);
            var baseName = $"{family} {RoundTo(ex, 5)}{Pick(DyeVariants)}";
            var name = baseName;
            var slug = Slugify.Apply(name);
            if (!slugs.Add(slug))
            {
                // A name taken: draw another, as the default seed always has. When the pools (a few thousand names) are
                // nearly used up, as in the large seeds, a lot number tells dyes apart, as catalogues do, so that the
                // seed still gets the spectra it asks for.
                if (++collisionsInARow < 20)
                {
                    continue;
                }

                for (var lot = 2; !slugs.Add(slug); lot++)
                {
                    name = $"{baseName} lot {lot}";
                    slug = Slugify.Apply(name);
                }
            }

            collisionsInARow = 0;

            var (created, modified) = Timestamps();
            var dye = new Dye
            {
                Id = dyeIds.Next(),
                Name = name,
                Slug = slug,
                Manufacturer = manufacturer,
                Part = slug,
                Url = url + slug,
                PrimaryReferenceId = _referenceIds.Count > 0 && _rng.NextDouble() < 0.5 ? _referenceIds[_rng.Next(_referenceIds.Count)] : null,
                Created = created,
                Modified = modified,
            };
            _data.Dyes.Add(dye);
            var stateSlug = $"{slug}_default";
            stateSlugs.Add(stateSlug);
            _data.States.Add(new DyeState
            {
                Id = stateIds.Next(),
                DyeId = dye.Id,
                Name = "default",
                Slug = stateSlug,
                OwnerName = dye.Name,
                OwnerSlug = dye.Slug,
                ExMax = ex,
                EmMax = Math.Min(ex + _rng.Next(12, 40), 890),
                ExtCoeff = RoundTo(_rng.Next(20_000, 250_000), 1000),
                Qy = Math.Round(0.1 + _rng.NextDouble() * 0.85, 2),
                Lifetime = Math.Round(0.5 + _rng.NextDouble() * 4, 2),
                Created = created,
                Modified = modified,
            });
        }

        // fill layers: ex for all, em for all, 2p for proteins, ab for all (shuffled within a layer)
        var fluors = _data.States.ToList();
        var remaining = fluorTarget;
        foreach (var (subtype, allowed) in Layers)
        {
            var candidates = fluors.Where(s => allowed(s) && !ApprovedSubtypes(s.Id).Contains(subtype)).ToArray();
            _rng.Shuffle(candidates);
            foreach (var state in candidates)
            {
                if (remaining <= 0)
                {
                    break;
                }

                AddFluorSpectrum(state, subtype, SpectrumStatus.Approved);
                remaining--;
            }
        }

        // pending submissions on top (duplicates of existing subtypes are fine while pending)
        var pending = (int)Math.Round(_options.Spectra * _options.PendingSpectraFraction);
        var visible = fluors.Where(s => !s.IsDark && s.ExMax is not null && s.EmMax is not null).ToList();
        for (var i = 0; i < pending && visible.Count > 0; i++)
        {
            AddFluorSpectrum(visible[_rng.Next(visible.Count)], _rng.NextDouble() < 0.5 ? SpectrumSubtype.Excitation : SpectrumSubtype.Emission, SpectrumStatus.Pending);
        }
    }

    /// <summary>Fill order of fluorophore spectra; a dye state (no 2p) holds at most 3 approved spectra.</summary>
    private static readonly (SpectrumSubtype Subtype, Func<FluorescentState, bool> Allowed)[] Layers =
    [
        (SpectrumSubtype.Excitation, s => !s.IsDark && s.ExMax is not null),
        (SpectrumSubtype.Emission, s => !s.IsDark && s.EmMax is not null),
        (SpectrumSubtype.TwoPhoton, s => s is State && s.TwopExMax is not null),
        (SpectrumSubtype.Absorption, s => s.ExMax is not null),
    ];

    private void AddFluorSpectrum(FluorescentState state, SpectrumSubtype subtype, SpectrumStatus status)
    {
        var (min, values) = subtype switch
        {
            SpectrumSubtype.Emission => SpectrumShapes.Emission(_rng, state.EmMax!.Value),
            SpectrumSubtype.TwoPhoton => SpectrumShapes.TwoPhoton(_rng, state.TwopExMax!.Value),
            SpectrumSubtype.Absorption => SpectrumShapes.Excitation(_rng, state.ExMax!.Value, absorption: true),
            _ => SpectrumShapes.Excitation(_rng, state.ExMax!.Value, absorption: false),
        };
        var category = state is DyeState ? SpectrumCategory.Dye : SpectrumCategory.Protein;
        var spectrum = AddSpectrum(category, subtype, min, values, state.Created, s => s.OwnerFluorId = state.Id, source: "");
        spectrum.Status = status;
        spectrum.ScaleFactor = subtype switch
        {
            SpectrumSubtype.Excitation or SpectrumSubtype.Absorption => state.ExtCoeff,
            SpectrumSubtype.Emission => state.Qy,
            _ => state.TwopPeakGM,
        };
        spectrum.ReferenceId = _referenceIds.Count > 0 && _rng.NextDouble() < 0.4 ? _referenceIds[_rng.Next(_referenceIds.Count)] : null;
        spectrum.Ph = _rng.NextDouble() < 0.3 ? Math.Round(6.8 + _rng.NextDouble() * 0.8, 1) : null;
        spectrum.Solvent = state is DyeState ? Pick(["PBS", "water", "ethanol", "methanol", "DMSO"]) : "";
        if (status == SpectrumStatus.Approved)
        {
            ApprovedSubtypes(state.Id).Add(subtype);
        }
    }

    private Spectrum AddSpectrum(SpectrumCategory category, SpectrumSubtype subtype, int minWave, float[] values, DateTime ownerCreated, Action<Spectrum> setOwner, string source)
    {
        var created = ownerCreated.AddDays(_rng.Next(0, 200));
        var spectrum = new Spectrum
        {
            Id = _spectrumIds.Next(),
            Category = category,
            Subtype = subtype,
            Status = SpectrumStatus.Approved,
            Source = source,
            Created = created,
            Modified = created.AddDays(_rng.Next(0, 100)),
        };
        spectrum.SetData(minWave, values);
        setOwner(spectrum);
        _data.Spectra.Add(spectrum);
        return spectrum;
    }
}
