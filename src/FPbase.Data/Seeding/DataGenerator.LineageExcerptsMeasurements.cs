using System.Globalization;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

// Lineage trees, excerpts, the ids of state transitions, bleach and OSER measurements.
internal sealed partial class DataGenerator
{
    private void GenerateLineages()
    {
        var candidates = _generatedProteins.Where(_ => _rng.NextDouble() < 0.8).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var ids = new IdAllocator(_data.Lineages.Select(l => l.Id));
        var nodes = new List<Lineage>();
        var rootOf = new Dictionary<int, int>();
        foreach (var protein in candidates)
        {
            var isRoot = nodes.Count == 0 || _rng.NextDouble() < 0.06;
            var lineage = new Lineage
            {
                Id = ids.Next(),
                ProteinId = protein.Id,
                Created = protein.Created,
                Modified = protein.Modified,
            };
            if (isRoot)
            {
                rootOf[lineage.Id] = lineage.Id;
                _data.LineageRoots[lineage.Id] = lineage.Id; // self-reference, applied after insert
            }
            else
            {
                // prefer recent nodes so trees get deep as well as wide
                var parent = nodes[Math.Max(0, nodes.Count - 1 - (int)(Math.Pow(_rng.NextDouble(), 2) * nodes.Count))];
                lineage.ParentId = parent.Id;
                lineage.RootNodeId = rootOf[parent.Id];
                rootOf[lineage.Id] = lineage.RootNodeId.Value;
                lineage.Mutation = string.Join("/", Enumerable.Range(0, _rng.Next(1, 6))
                    .Select(_ => $"{Pick(AminoAcids)}{_rng.Next(2, 240)}{Pick(AminoAcids)}"));
                lineage.ReferenceId = protein.PrimaryReferenceId;
            }

            nodes.Add(lineage);
        }

        _data.Lineages.AddRange(nodes);
    }

    private void GenerateExcerpts()
    {
        var proteins = _data.Proteins;
        if (proteins.Count == 0)
        {
            return;
        }

        var ids = new IdAllocator(_data.Excerpts.Select(e => e.Id));
        var target = Math.Max(_options.ExcerptsOrDefault, _data.Excerpts.Count);
        string[] templates =
        [
            "{0} matured {1}-fold faster than its parent and retained most of its brightness when fused to histone H2B.",
            "Compared with EGFP, {0} showed {1}-fold higher photostability under widefield illumination in {2} cells.",
            "{0} is a monomer at concentrations up to {1} mg/mL as judged by analytical ultracentrifugation.",
            "We observed that {0} and {3} form an efficient FRET pair with a Förster radius of {1} nm.",
            "In {2} cells, {0} localized correctly in {1} of the fusion constructs tested.",
            "The chromophore of {0} is fully deprotonated at physiological pH (pKa {1}).",
        ];
        while (_data.Excerpts.Count < target)
        {
            var first = proteins[_rng.Next(proteins.Count)];
            var second = proteins[_rng.Next(proteins.Count)];
            var template = Pick(templates);
            var content = string.Format(CultureInfo.InvariantCulture, template, first.Name, _rng.Next(2, 12), Pick(CellTypes), second.Name);
            var (created, modified) = Timestamps();
            var excerpt = new Excerpt
            {
                Id = ids.Next(),
                Content = content,
                ReferenceId = _referenceIds.Count > 0 ? _referenceIds[_rng.Next(_referenceIds.Count)] : null,
                Status = _rng.NextDouble() switch
                {
                    < 0.95 => ExcerptStatus.Approved,
                    < 0.98 => ExcerptStatus.Flagged,
                    _ => ExcerptStatus.Rejected,
                },
                Created = created,
                Modified = modified,
            };
            _data.Excerpts.Add(excerpt);
            _data.ExcerptProteins.Add((excerpt.Id, first.Id));
            if (second.Id != first.Id && template.Contains("{3}", StringComparison.Ordinal))
            {
                _data.ExcerptProteins.Add((excerpt.Id, second.Id));
            }
        }
    }

    private void GenerateMeasurements()
    {
        var transitionIds = new IdAllocator(_data.StateTransitions.Where(t => t.Id != 0).Select(t => t.Id));
        foreach (var t in _data.StateTransitions.Where(t => t.Id == 0))
        {
            t.Id = transitionIds.Next();
        }

        var bleachIds = new IdAllocator(_data.BleachMeasurements.Select(b => b.Id));
        var generatedIds = _generatedProteins.Select(p => p.Id).ToHashSet();
        foreach (var state in _data.States.OfType<State>().Where(s => generatedIds.Contains(s.ProteinId) && !s.IsDark))
        {
            if (_rng.NextDouble() >= 0.4)
            {
                continue;
            }

            var count = _rng.Next(1, 3);
            for (var i = 0; i < count; i++)
            {
                var light = Pick(new[] { BleachLight.Laser, BleachLight.ArcLamp, BleachLight.Led, BleachLight.Other });
                _data.BleachMeasurements.Add(new BleachMeasurement
                {
                    Id = bleachIds.Next(),
                    StateId = state.Id,
                    Rate = Math.Round(2 + Math.Pow(_rng.NextDouble(), 2) * 800, 1),
                    Power = _rng.NextDouble() < 0.8 ? Math.Round(0.1 + _rng.NextDouble() * 50, 2) : -1,
                    Units = Pick(["W/cm2", "mW", "kW/cm2", "mW/cm2"]),
                    Light = light,
                    Bandcenter = state.ExMax,
                    Bandwidth = light == BleachLight.Laser ? null : Pick(new[] { 10, 20, 30, 40 }),
                    Modality = Pick(new[] { BleachModality.Widefield, BleachModality.PointScanningConfocal, BleachModality.SpinningDiscConfocal, BleachModality.Tirf }),
                    InCell = _rng.Next(-1, 2),
                    CellType = Pick(CellTypes),
                    ReferenceId = _referenceIds.Count > 0 ? _referenceIds[_rng.Next(_referenceIds.Count)] : null,
                    Created = state.Created,
                    Modified = state.Modified,
                });
            }
        }

        var oserIds = new IdAllocator(_data.OserMeasurements.Select(o => o.Id));
        foreach (var protein in _generatedProteins.Where(_ => _rng.NextDouble() < 0.08))
        {
            _data.OserMeasurements.Add(new OserMeasurement
            {
                Id = oserIds.Next(),
                ProteinId = protein.Id,
                Percent = Math.Round(20 + _rng.NextDouble() * 80, 1),
                PercentStddev = Math.Round(_rng.NextDouble() * 10, 1),
                PercentNcells = _rng.Next(50, 3000),
                Celltype = Pick(["HeLa", "U2OS", "COS-7"]),
                Temp = 37,
                ReferenceId = protein.PrimaryReferenceId,
                Created = protein.Created,
                Modified = protein.Modified,
            });
        }
    }
}
