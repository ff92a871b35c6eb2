using System.Globalization;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

// Proteins, their states and transitions, and sequences.
internal sealed partial class DataGenerator
{
    private void GenerateProteins()
    {
        var target = _options.Proteins;
        var proteinIds = new IdAllocator(_data.Proteins.Select(p => p.Id));
        var stateIds = new IdAllocator(_data.States.Select(s => s.Id));
        var slugs = _data.Proteins.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var stateSlugs = _data.States.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        var uuids = _data.Proteins.Select(p => p.Uuid).ToHashSet(StringComparer.Ordinal);
        var organismIds = _data.Organisms.Select(o => o.Id).ToList();
        var genbanks = new HashSet<string>(StringComparer.Ordinal);

        var attempts = 0;
        while (_data.Proteins.Count < target && attempts++ < target * 50)
        {
            var switchType = _rng.NextDouble() switch
            {
                < 0.76 => SwitchType.Basic,
                < 0.81 => SwitchType.Photoactivatable,
                < 0.88 => SwitchType.Photoswitchable,
                < 0.94 => SwitchType.Photoconvertible,
                < 0.96 => SwitchType.MultiPhotochromic,
                < 0.98 => SwitchType.Timer,
                _ => SwitchType.Other,
            };
            var color = PickColor();
            var word = Pick(color.Words);
            var prefix = switchType switch
            {
                SwitchType.Photoactivatable => Pick(["PA-", "PAm", "Pa"]),
                SwitchType.Photoswitchable => Pick(["rs", "rs", "PS", "Dronpa-", "Padron-"]),
                SwitchType.Photoconvertible => Pick(["mEos-", "Kaede-", "Dendra-", "PS-", "m"]),
                SwitchType.MultiPhotochromic => Pick(["pcDronpa-", "mEos-", "rs"]),
                SwitchType.Timer => Pick(["Fast-", "Slow-", "Medium-", "FT-"]),
                _ => Pick(BasicPrefixes),
            };
            var name = prefix + word + Pick(Suffixes);
            var slug = Slugify.Apply(name);
            if (slug.Length == 0 || !slugs.Add(slug))
            {
                name = $"{name}{_rng.Next(2, 99)}";
                slug = Slugify.Apply(name);
                if (!slugs.Add(slug))
                {
                    continue;
                }
            }

            string uuid;
            do
            {
                uuid = ShortUuid.ProteinUuid(_rng);
            }
            while (!uuids.Add(uuid));

            var (created, modified) = Timestamps();
            var protein = new Protein
            {
                Id = proteinIds.Next(),
                Uuid = uuid,
                Name = name,
                Slug = slug,
                BaseName = word,
                Aliases = _rng.NextDouble() < 0.15 ? [$"{word}-{_rng.Next(1, 9)}"] : [],
                Chromophore = Pick(Chromophores),
                Seq = MakeSequence(),
                Genbank = _rng.NextDouble() < 0.7 ? UniqueCode(genbanks, () => $"{(char)('A' + _rng.Next(26))}{(char)('A' + _rng.Next(26))}{_rng.Next(100000, 999999)}") : null,
                Uniprot = _rng.NextDouble() < 0.5 ? $"{(char)('A' + _rng.Next(26))}{_rng.Next(10)}{(char)('A' + _rng.Next(26))}{(char)('A' + _rng.Next(26))}{_rng.Next(10)}{_rng.Next(10)}" : null,
                IpgId = _rng.NextDouble() < 0.5 ? _rng.Next(100000, 99999999).ToString(CultureInfo.InvariantCulture) : null,
                Pdb = Enumerable.Range(0, _rng.NextDouble() < 0.3 ? _rng.Next(1, 4) : 0)
                    .Select(_ => $"{_rng.Next(1, 10)}{(char)('A' + _rng.Next(26))}{(char)('A' + _rng.Next(26))}{_rng.Next(10)}").ToList(),
                Agg = _rng.NextDouble() switch
                {
                    < 0.55 => Aggregation.Monomer,
                    < 0.65 => Aggregation.Dimer,
                    < 0.70 => Aggregation.TandemDimer,
                    < 0.85 => Aggregation.WeakDimer,
                    _ => Aggregation.Tetramer,
                },
                SwitchType = switchType,
                Cofactor = color.Color == "near-ir" ? "bv" : "",
                Status = _rng.NextDouble() switch
                {
                    < 0.92 => ProteinStatus.Approved,
                    < 0.98 => ProteinStatus.Pending,
                    _ => ProteinStatus.Hidden,
                },
                ParentOrganismId = organismIds.Count > 0 ? organismIds[_rng.Next(organismIds.Count)] : null,
                PrimaryReferenceId = _referenceIds.Count > 0 ? _referenceIds[_rng.Next(_referenceIds.Count)] : null,
                Created = created,
                Modified = modified,
            };
            _data.Proteins.Add(protein);
            _generatedProteins.Add(protein);

            if (protein.PrimaryReferenceId is { } primary)
            {
                _data.ProteinReferences.Add(new ProteinReference { ProteinId = protein.Id, ReferenceId = primary });
                var extra = _rng.Next(0, 5);
                var used = new HashSet<int> { primary };
                for (var i = 0; i < extra; i++)
                {
                    var r = _referenceIds[_rng.Next(_referenceIds.Count)];
                    if (used.Add(r))
                    {
                        _data.ProteinReferences.Add(new ProteinReference { ProteinId = protein.Id, ReferenceId = r });
                    }
                }
            }

            var states = MakeStates(protein, switchType, color, stateIds, stateSlugs);
            _data.States.AddRange(states);
            _data.DefaultStates[protein.Id] = states.First(s => !s.IsDark).Id;
            for (var i = 0; i + 1 < states.Count; i++)
            {
                _data.StateTransitions.Add(new StateTransition
                {
                    Id = 0, // assigned in GenerateMeasurements
                    ProteinId = protein.Id,
                    FromStateId = states[i].Id,
                    ToStateId = states[i + 1].Id,
                    TransWave = switchType == SwitchType.Photoswitchable && states[i].IsDark ? 405 : Pick(LaserLines[..4]),
                    Created = created,
                    Modified = modified,
                });
            }
        }
    }

    private List<State> MakeStates(
        Protein protein,
        SwitchType switchType,
        (string Color, int ExLo, int ExHi, int StokesLo, int StokesHi, double Weight, string[] Words) color,
        IdAllocator ids,
        HashSet<string> slugs)
    {
        string[] names = switchType switch
        {
            SwitchType.Photoactivatable => ["dark", "activated"],
            SwitchType.Photoswitchable => ["on", "off"],
            SwitchType.Photoconvertible => ["green", "red"],
            SwitchType.MultiPhotochromic => ["green", "red", "off"],
            SwitchType.Timer => ["blue", "red"],
            _ => ["default"],
        };
        var states = new List<State>(names.Length);
        foreach (var stateName in names)
        {
            var dark = stateName is "dark" or "off";
            var (exLo, exHi, stLo, stHi) = stateName switch
            {
                "green" => (480, 506, 8, 20),
                "red" => (550, 580, 12, 25),
                "blue" => (395, 410, 45, 60),
                _ => (color.ExLo, color.ExHi, color.StokesLo, color.StokesHi),
            };
            var ex = _rng.Next(exLo, exHi + 1);
            var longStokes = _rng.NextDouble() < 0.04;
            var em = ex + (longStokes ? _rng.Next(90, 180) : _rng.Next(stLo, stHi + 1));
            var slug = $"{protein.Slug}_{Slugify.Apply(stateName)}";
            if (!slugs.Add(slug))
            {
                slug = $"{slug}-{ids.Peek()}";
                slugs.Add(slug);
            }

            var state = new State
            {
                Id = ids.Next(),
                ProteinId = protein.Id,
                Name = stateName,
                Slug = slug,
                OwnerName = protein.Name,
                OwnerSlug = protein.Slug,
                IsDark = dark,
                ExMax = dark ? Math.Max(340, ex - _rng.Next(0, 100)) : ex,
                EmMax = dark ? null : Math.Min(em, 890),
                ExtCoeff = RoundTo(_rng.Next(15_000, 140_000), 100),
                Qy = dark ? null : Math.Round(0.05 + _rng.NextDouble() * 0.9, 2),
                Lifetime = dark ? null : Math.Round(0.8 + _rng.NextDouble() * 3.5, 2),
                Pka = Math.Round(3 + _rng.NextDouble() * 5, 1),
                Maturation = _rng.NextDouble() < 0.6 ? Math.Round(5 + _rng.NextDouble() * 150, 1) : null,
                Created = protein.Created,
                Modified = protein.Modified,
            };
            if (!dark && _rng.NextDouble() < 0.7)
            {
                state.TwopExMax = Math.Clamp(2 * state.ExMax!.Value - _rng.Next(20, 80), 700, 1100);
                state.TwopPeakGM = Math.Round(1 + _rng.NextDouble() * 80, 2);
                state.TwopQy = _rng.NextDouble() < 0.2 ? state.Qy : null;
            }

            states.Add(state);
        }

        return states;
    }

    private string MakeSequence()
    {
        if (_templateSeqs is null)
        {
            return string.Concat(Enumerable.Range(0, _rng.Next(220, 240)).Select(_ => Pick(AminoAcids)));
        }

        var chars = _templateSeqs[_rng.Next(_templateSeqs.Count)].ToCharArray();
        var mutations = _rng.Next(1, 25);
        for (var i = 0; i < mutations; i++)
        {
            chars[_rng.Next(1, chars.Length)] = Pick(AminoAcids)[0];
        }

        return new string(chars);
    }
}
