using System.Globalization;
using System.Text.RegularExpressions;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

/// <summary>
/// Deterministic data generator (one System.Random with <see cref="SeedOptions.RandomSeed"/>): appends generated
/// rows to <see cref="SeedData"/> (which may already hold the FPbase sample) until the totals of
/// <see cref="SeedOptions"/> are reached. Ids skip the ones already present.
/// </summary>
internal sealed partial class DataGenerator
{
    private static readonly DateTime Epoch = new(2018, 2, 12, 0, 0, 0, DateTimeKind.Utc);

    private readonly SeedOptions _options;
    private readonly SeedData _data;
    private readonly Random _rng;
    private readonly IdAllocator _spectrumIds;
    private readonly Dictionary<int, HashSet<SpectrumSubtype>> _approvedSubtypes = [];
    private readonly List<int> _referenceIds = [];
    private readonly List<Protein> _generatedProteins = [];
    private readonly List<string>? _templateSeqs;

    private DataGenerator(SeedOptions options, SeedData data)
    {
        _options = options;
        _data = data;
        _rng = new Random(options.RandomSeed);
        _spectrumIds = new IdAllocator(data.Spectra.Select(s => s.Id));
        foreach (var s in data.Spectra.Where(s => s.OwnerFluorId is not null && s.Status == SpectrumStatus.Approved))
        {
            ApprovedSubtypes(s.OwnerFluorId!.Value).Add(s.Subtype);
        }

        var seqs = data.Proteins.Where(p => !string.IsNullOrEmpty(p.Seq)).Select(p => p.Seq!).ToList();
        _templateSeqs = seqs.Count > 0 ? seqs : null;
    }

    public static void Generate(SeedOptions options, SeedData data)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        new DataGenerator(options, data).Run();
    }

    private void Run()
    {
        GenerateOrganisms();
        GenerateReferences();
        GenerateProteins();
        GenerateProductsWithSpectra();
        GenerateDyesAndFluorSpectra();
        GenerateMicroscopes();
        GenerateLineages();
        GenerateExcerpts();
        GenerateMeasurements();
    }

    // ---------------------------------------------------------------- organisms, references

    private void GenerateOrganisms()
    {
        var target = _options.OrganismsOrDefault;
        var ids = _data.Organisms.Select(o => o.Id).ToHashSet();
        var names = _data.Organisms.Select(o => o.ScientificName).ToHashSet(StringComparer.Ordinal);
        var attempts = 0;
        while (_data.Organisms.Count < target && attempts++ < target * 50)
        {
            var genus = Pick(Genera);
            var species = Pick(Epithets);
            var name = $"{genus} {species}";
            if (!names.Add(name))
            {
                name = $"{genus} sp. {names.Count}";
                names.Add(name);
            }

            int id;
            do
            {
                id = _rng.Next(1_000_000, 3_000_000);
            }
            while (!ids.Add(id));

            var (created, modified) = Timestamps();
            _data.Organisms.Add(new Organism
            {
                Id = id,
                ScientificName = name,
                Genus = genus,
                Species = name[(genus.Length + 1)..],
                Division = Pick(Divisions),
                Rank = "species",
                CommonName = "",
                Created = created,
                Modified = modified,
            });
        }
    }

    private void GenerateReferences()
    {
        var target = _options.ReferencesOrDefault;
        _referenceIds.AddRange(_data.References.Select(r => r.Id));
        var toGenerate = Math.Max(0, target - _data.References.Count);
        if (toGenerate == 0)
        {
            return;
        }

        var referenceIds = new IdAllocator(_data.References.Select(r => r.Id));
        var authorIds = new IdAllocator(_data.Authors.Select(a => a.Id));
        var dois = _data.References.Select(r => r.Doi).ToHashSet(StringComparer.Ordinal);

        var poolSize = Math.Max(20, toGenerate * 3 / 5);
        var pool = new List<Author>(poolSize);
        for (var i = 0; i < poolSize; i++)
        {
            var given = Pick(GivenNames);
            var second = _rng.NextDouble() < 0.35 ? Pick(GivenNames) : null;
            var (created, modified) = Timestamps();
            pool.Add(new Author
            {
                Id = authorIds.Next(),
                FamilyName = Pick(FamilyNames),
                GivenName = second is null ? given : $"{given} {second[0]}.",
                Initials = second is null ? given[..1] : $"{given[0]}{second[0]}",
                Created = created,
                Modified = modified,
            });
        }

        _data.Authors.AddRange(pool);

        for (var i = 0; i < toGenerate; i++)
        {
            var year = 1992 + (int)(Math.Pow(_rng.NextDouble(), 0.6) * 33);
            var date = new DateOnly(year, _rng.Next(1, 13), _rng.Next(1, 29));
            string doi;
            do
            {
                doi = $"{Pick(DoiPrefixes)}/{JournalCode()}.{year}.{_rng.Next(1000, 99999)}";
            }
            while (!dois.Add(doi));

            var (created, modified) = Timestamps();
            var firstPage = _rng.Next(1, 12000);
            var reference = new Reference
            {
                Id = referenceIds.Next(),
                Doi = doi,
                Pmid = _rng.NextDouble() < 0.85 ? _rng.Next(8_000_000, 39_000_000).ToString(CultureInfo.InvariantCulture) : null,
                Title = $"{Pick(TitleAdjectives)} {Pick(TitleSubjects)} {Pick(TitleUses)}",
                Journal = Pick(Journals),
                Pages = $"{firstPage}-{firstPage + _rng.Next(3, 15)}",
                Volume = _rng.Next(1, 180).ToString(CultureInfo.InvariantCulture),
                Issue = _rng.Next(1, 25).ToString(CultureInfo.InvariantCulture),
                Date = date,
                Year = year,
                Created = created,
                Modified = modified,
            };

            var authorCount = _rng.NextDouble() switch
            {
                < 0.05 => 1,
                < 0.15 => 2,
                _ => _rng.Next(3, 12),
            };
            var chosen = new List<Author>(authorCount);
            while (chosen.Count < authorCount)
            {
                var a = pool[_rng.Next(pool.Count)];
                if (!chosen.Contains(a))
                {
                    chosen.Add(a);
                }
            }

            for (var order = 0; order < chosen.Count; order++)
            {
                _data.ReferenceAuthors.Add(new ReferenceAuthor { ReferenceId = reference.Id, Order = order, AuthorId = chosen[order].Id });
            }

            reference.UpdateCitation(chosen.Select(a => a.FamilyName).ToList());
            _data.References.Add(reference);
            _referenceIds.Add(reference.Id);
        }
    }

    private string JournalCode()
    {
        Span<char> chars = stackalloc char[_rng.Next(4, 8)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + _rng.Next(26));
        }

        return new string(chars);
    }

    // ---------------------------------------------------------------- proteins and states

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

    // ---------------------------------------------------------------- filters, lights, cameras

    private void GenerateProductsWithSpectra()
    {
        var filterIds = new IdAllocator(_data.Filters.Select(f => f.Id));
        var slugs = _data.Filters.Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        var target = Math.Max(_options.FiltersOrDefault, _data.Filters.Count);
        var planned = new Dictionary<int, (int? Center, int? Width, double? Edge, int[]? Lines)>();
        var attempts = 0;
        while (_data.Filters.Count < target && attempts++ < target * 20)
        {
            var (manufacturer, part, url, center, width, edge, lines) = MakeFilterPart();
            var name = $"{manufacturer} {part}";
            var slug = Slugify.ForProduct(name);
            if (!slugs.Add(slug))
            {
                continue;
            }

            var (created, modified) = Timestamps();
            var filter = new Filter { Id = filterIds.Next(), Manufacturer = manufacturer, Part = part, Url = url, Created = created, Modified = modified };
            filter.ApplyName(name);
            filter.Bandcenter ??= center;
            filter.Bandwidth ??= width;
            filter.Edge ??= edge;
            _data.Filters.Add(filter);
            planned[filter.Id] = (center, width, edge, lines);
        }

        var lightIds = new IdAllocator(_data.Lights.Select(l => l.Id));
        var lightSlugs = _data.Lights.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        var lightTarget = Math.Max(_options.LightsOrDefault, _data.Lights.Count);
        attempts = 0;
        while (_data.Lights.Count < lightTarget && attempts++ < lightTarget * 20)
        {
            var (manufacturer, part, url) = MakeLightPart();
            var name = $"{manufacturer} {part}";
            var slug = Slugify.ForProduct(name);
            if (!lightSlugs.Add(slug))
            {
                continue;
            }

            var (created, modified) = Timestamps();
            _data.Lights.Add(new Light { Id = lightIds.Next(), Name = name, Slug = slug, Manufacturer = manufacturer, Part = part, Url = url, Created = created, Modified = modified });
        }

        var cameraIds = new IdAllocator(_data.Cameras.Select(c => c.Id));
        var cameraSlugs = _data.Cameras.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var cameraTarget = Math.Max(_options.CamerasOrDefault, _data.Cameras.Count);
        attempts = 0;
        while (_data.Cameras.Count < cameraTarget && attempts++ < cameraTarget * 50)
        {
            var (manufacturer, models, url) = CameraModels[_rng.Next(CameraModels.Length)];
            var part = Pick(models) + Pick(CameraVariants);
            var name = $"{manufacturer} {part}";
            var slug = Slugify.ForProduct(name);
            if (!cameraSlugs.Add(slug))
            {
                continue;
            }

            var (created, modified) = Timestamps();
            _data.Cameras.Add(new Camera { Id = cameraIds.Next(), Name = name, Slug = slug, Manufacturer = manufacturer, Part = part, Url = url, Created = created, Modified = modified });
        }

        // one spectrum for every filter, light and camera that has none (imported ones included)
        var hasFilter = _data.Spectra.Where(s => s.OwnerFilterId is not null).Select(s => s.OwnerFilterId!.Value).ToHashSet();
        foreach (var filter in _data.Filters.Where(f => !hasFilter.Contains(f.Id)))
        {
            var plan = planned.TryGetValue(filter.Id, out var p) ? p : (filter.Bandcenter, filter.Bandwidth, filter.Edge, null);
            var subtype = FilterNameParser.GuessSubtype(filter.Part.Length > 0 ? filter.Part : filter.Name);
            var lines = plan.Lines ?? ThreeDigitNumbers(filter.Part);
            var (min, values) = subtype switch
            {
                SpectrumSubtype.Bandpass or SpectrumSubtype.BandpassEmission or SpectrumSubtype.BandpassExcitation =>
                    SpectrumShapes.Bandpass(_rng, plan.Center ?? lines.FirstOrDefault(525), plan.Width ?? 40),
                SpectrumSubtype.LongPass => SpectrumShapes.Edge(_rng, plan.Edge ?? lines.FirstOrDefault(500), longPass: true),
                SpectrumSubtype.ShortPass => SpectrumShapes.Edge(_rng, plan.Edge ?? lines.FirstOrDefault(600), longPass: false),
                _ => SpectrumShapes.Dichroic(_rng, plan.Edge ?? (lines.Length > 0 ? lines[0] + 10 : 500), lines.Length > 1 ? lines : null),
            };
            AddSpectrum(SpectrumCategory.Filter, subtype, min, values, filter.Created, s => s.OwnerFilterId = filter.Id, source: $"{filter.Manufacturer} website");
        }

        var hasLight = _data.Spectra.Where(s => s.OwnerLightId is not null).Select(s => s.OwnerLightId!.Value).ToHashSet();
        foreach (var light in _data.Lights.Where(l => !hasLight.Contains(l.Id)))
        {
            var lower = light.Name.ToLowerInvariant();
            var kind = lower.Contains("obis", StringComparison.Ordinal) || lower.Contains("laser", StringComparison.Ordinal) || lower.Contains("ibeam", StringComparison.Ordinal)
                ? "laser"
                : lower.Contains("white", StringComparison.Ordinal) || lower.Contains("sola", StringComparison.Ordinal) ? "white"
                : lower.Contains("x-cite", StringComparison.Ordinal) || lower.Contains("hbo", StringComparison.Ordinal) ? "arc"
                : "led";
            var nums = ThreeDigitNumbers(light.Name);
            var peak = nums.Length > 0 ? nums[0] : Pick(LaserLines);
            var (min, values) = SpectrumShapes.Light(_rng, kind, Math.Clamp(peak, 320, 880));
            AddSpectrum(SpectrumCategory.Light, SpectrumSubtype.PowerDistribution, min, values, light.Created, s => s.OwnerLightId = light.Id, source: "manufacturer");
        }

        var hasCamera = _data.Spectra.Where(s => s.OwnerCameraId is not null).Select(s => s.OwnerCameraId!.Value).ToHashSet();
        foreach (var camera in _data.Cameras.Where(c => !hasCamera.Contains(c.Id)))
        {
            var (min, values) = SpectrumShapes.QuantumEfficiency(_rng);
            AddSpectrum(SpectrumCategory.Camera, SpectrumSubtype.QuantumEfficiency, min, values, camera.Created, s => s.OwnerCameraId = camera.Id, source: "manufacturer");
        }
    }

    private (string Manufacturer, string Part, string Url, int? Center, int? Width, double? Edge, int[]? Lines) MakeFilterPart()
    {
        int[] widths = [10, 12, 20, 25, 30, 36, 40, 45, 50, 60, 70, 75, 80, 100];
        var center = RoundTo(_rng.Next(380, 751), 5);
        var width = Pick(widths);
        var edge = RoundTo(_rng.Next(400, 760), 5);
        var lines = Pick(MultibandSets);
        var kind = _rng.NextDouble() switch
        {
            < 0.6 => "bp",
            < 0.7 => "lp",
            < 0.75 => "sp",
            < 0.93 => "dc",
            _ => "multi",
        };
        var manufacturer = _rng.NextDouble() switch
        {
            < 0.42 => "Chroma",
            < 0.84 => "Semrock",
            _ => "Thorlabs",
        };
        var part = (manufacturer, kind) switch
        {
            ("Chroma", "bp") => $"{Pick(["ET", "ET", "HQ", "AT", "D"])}{center}/{width}{Pick(["m", "x", "bp"])}",
            ("Chroma", "lp") => $"{Pick(["ET", "HQ"])}{edge}lp",
            ("Chroma", "sp") => $"{Pick(["ET", "HQ"])}{edge}sp",
            ("Chroma", "dc") => $"{Pick(["T", "ZT", "T"])}{edge}{Pick(["lpxr", "rdc", "dcxr", "bs"])}",
            ("Chroma", _) => $"ZT{string.Join("/", lines)}rpc",
            ("Semrock", "bp") => $"FF0{_rng.Next(1, 4)}-{center}/{width}",
            ("Semrock", "lp") => $"{Pick(["BLP01", "LP02"])}-{edge}R{Pick(["", "U"])}",
            ("Semrock", "sp") => $"SP01-{edge}RU",
            ("Semrock", "dc") => $"FF{edge}-Di0{_rng.Next(1, 4)}",
            ("Semrock", _) => $"Di01-T{string.Join("/", lines)}",
            (_, "bp") => $"FBH{center}-{width}",
            (_, "lp") => $"FELH0{edge}",
            (_, "sp") => $"FESH0{edge}",
            (_, "dc") => $"DMLP{edge}",
            _ => $"MD{string.Join("", lines.Select(l => l / 10))}",
        };
        var url = manufacturer switch
        {
            "Chroma" => $"https://www.chroma.com/products/parts/{Slugify.ForProduct(part)}",
            "Semrock" => $"https://www.semrock.com/FilterDetails.aspx?id={part}",
            _ => $"https://www.thorlabs.com/thorproduct.cfm?partnumber={part}",
        };
        return kind switch
        {
            "bp" => (manufacturer, part, url, center, width, null, null),
            "multi" => (manufacturer, part, url, null, null, null, lines),
            _ => (manufacturer, part, url, null, null, edge, null),
        };
    }

    private (string Manufacturer, string Part, string Url) MakeLightPart()
    {
        var line = Pick(LaserLines);
        var led = RoundTo(_rng.Next(340, 850), 5);
        return _rng.NextDouble() switch
        {
            < 0.35 => ("Thorlabs", $"M{led}L{_rng.Next(2, 6)}", "https://www.thorlabs.com/newgrouppage9.cfm?objectgroup_id=2692"),
            < 0.6 => ("Coherent", $"OBIS {line} LX {Pick(new[] { 20, 50, 100, 150 })} mW", "https://www.coherent.com/lasers/cw-solid-state/obis"),
            < 0.7 => ("Toptica", $"iBeam smart {line}", "https://www.toptica.com/products/single-mode-diode-lasers/ibeam-smart"),
            < 0.82 => ("CoolLED", $"pE-{Pick(new[] { "300", "340", "400", "4000", "800" })} {Pick(["white", "ultra", "lite"])} {led}", "https://www.coolled.com/products/"),
            < 0.92 => ("Lumencor", $"SPECTRA {Pick(["III", "X", "7"])} {led}", "https://lumencor.com/products/"),
            _ => ("Excelitas", $"X-Cite {Pick(["120Q", "exacte", "XYLIS", "110LED"])} {_rng.Next(2, 9)}", "https://www.excelitas.com/product-category/x-cite"),
        };
    }

    // ---------------------------------------------------------------- dyes and fluorophore spectra

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
        while (_data.Dyes.Count < dyeTarget && attempts++ < dyeTarget * 50)
        {
            var (family, manufacturer, url) = DyeFamilies[_rng.Next(DyeFamilies.Length)];
            var ex = _rng.Next(350, 781);
            var name = $"{family} {RoundTo(ex, 5)}{Pick(DyeVariants)}";
            var slug = Slugify.Apply(name);
            if (!slugs.Add(slug))
            {
                continue;
            }

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

    // ---------------------------------------------------------------- microscopes

    private void GenerateMicroscopes()
    {
        var ids = _data.Microscopes.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var target = Math.Max(_options.MicroscopesOrDefault, _data.Microscopes.Count);
        var generated = new List<(Microscope Scope, bool Lasers)>();
        var lightIds = _data.Lights.Select(l => l.Id).ToList();
        var cameraIds = _data.Cameras.Select(c => c.Id).ToList();
        while (_data.Microscopes.Count < target)
        {
            string id;
            do
            {
                id = ShortUuid.MicroscopeId(_rng);
            }
            while (!ids.Add(id));

            var modality = Pick(MicroscopeModalities);
            var (created, modified) = Timestamps();
            var scope = new Microscope
            {
                Id = id,
                Name = $"{Pick(Facilities)} {_rng.Next(1, 40)} – {Pick(MicroscopeStands)} {modality}",
                Description = _rng.NextDouble() < 0.5 ? $"{modality} setup shared by the {Pick(Facilities).ToLowerInvariant()}" : "",
                ExtraLasers = _rng.NextDouble() < 0.2 ? [Pick(LaserLines)] : [],
                Created = created,
                Modified = modified,
            };
            _data.Microscopes.Add(scope);
            generated.Add((scope, modality is not ("Widefield" or "Epifluorescence")));
            if (lightIds.Count > 0 && _rng.NextDouble() < 0.3)
            {
                _data.MicroscopeExtraLights.Add((id, lightIds[_rng.Next(lightIds.Count)]));
            }

            if (cameraIds.Count > 0 && _rng.NextDouble() < 0.3)
            {
                _data.MicroscopeExtraCameras.Add((id, cameraIds[_rng.Next(cameraIds.Count)]));
            }
        }

        if (generated.Count == 0)
        {
            return;
        }

        // filters indexed for "closest" picks
        var bandpass = _data.Filters.Where(f => f.Bandcenter is not null && f.Bandwidth is not null).OrderBy(f => f.Bandcenter).ThenBy(f => f.Id).ToArray();
        var dichroics = _data.Filters.Where(f => f.Edge is not null).OrderBy(f => f.Edge).ThenBy(f => f.Id).ToArray();
        var configIds = new IdAllocator(_data.OpticalConfigs.Select(c => c.Id));
        var placementIds = new IdAllocator(_data.FilterPlacements.Select(p => p.Id));
        var configTarget = Math.Max(_options.OpticalConfigsOrDefault, _data.OpticalConfigs.Count);
        var index = 0;
        while (_data.OpticalConfigs.Count < configTarget)
        {
            var (scope, lasers) = generated[index++ % generated.Count];
            var channel = Channels[_rng.Next(Channels.Length)];
            int? laser = lasers ? LaserLines.MinBy(l => Math.Abs(l - channel.Ex)) : null;
            var config = new OpticalConfig
            {
                Id = configIds.Next(),
                MicroscopeId = scope.Id,
                Name = laser is { } l ? $"{l}" : $"Widefield {channel.Name}",
                Laser = laser,
                LightId = laser is null && lightIds.Count > 0 ? lightIds[_rng.Next(lightIds.Count)] : null,
                CameraId = cameraIds.Count > 0 ? cameraIds[_rng.Next(cameraIds.Count)] : null,
                Comments = _rng.NextDouble() < 0.1 ? "Filters verified by the facility" : "",
                Created = scope.Created,
                Modified = scope.Modified,
            };
            _data.OpticalConfigs.Add(config);
            if (laser is null && Closest(bandpass, f => f.Bandcenter!.Value, channel.Ex) is { } exFilter)
            {
                _data.FilterPlacements.Add(new FilterPlacement { Id = placementIds.Next(), ConfigId = config.Id, FilterId = exFilter.Id, Path = FilterPath.Excitation });
            }

            if (Closest(dichroics, f => (int)f.Edge!.Value, (channel.Ex + channel.Em) / 2) is { } bs)
            {
                _data.FilterPlacements.Add(new FilterPlacement { Id = placementIds.Next(), ConfigId = config.Id, FilterId = bs.Id, Path = FilterPath.Beamsplitter, Reflects = _rng.NextDouble() < 0.1 });
            }

            if (Closest(bandpass, f => f.Bandcenter!.Value, channel.Em + 10) is { } emFilter)
            {
                _data.FilterPlacements.Add(new FilterPlacement { Id = placementIds.Next(), ConfigId = config.Id, FilterId = emFilter.Id, Path = FilterPath.Emission });
            }
        }
    }

    private Filter? Closest(Filter[] sorted, Func<Filter, int> key, int target)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var lo = 0;
        var hi = sorted.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (key(sorted[mid]) < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // one of the few nearest, for variety
        var i = Math.Clamp(lo + _rng.Next(-2, 3), 0, sorted.Length - 1);
        return sorted[i];
    }

    // ---------------------------------------------------------------- lineage, excerpts, measurements

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

    // ---------------------------------------------------------------- helpers

    private HashSet<SpectrumSubtype> ApprovedSubtypes(int stateId)
    {
        if (!_approvedSubtypes.TryGetValue(stateId, out var set))
        {
            set = [];
            _approvedSubtypes[stateId] = set;
        }

        return set;
    }

    private (string Color, int ExLo, int ExHi, int StokesLo, int StokesHi, double Weight, string[] Words) PickColor()
    {
        var x = _rng.NextDouble() * Colors.Sum(c => c.Weight);
        foreach (var c in Colors)
        {
            x -= c.Weight;
            if (x <= 0)
            {
                return c;
            }
        }

        return Colors[^1];
    }

    private (DateTime Created, DateTime Modified) Timestamps()
    {
        var created = Epoch.AddDays(_rng.Next(0, 2500)).AddSeconds(_rng.Next(0, 86400));
        return (created, created.AddDays(_rng.Next(0, 400)));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private string UniqueCode(HashSet<string> used, Func<string> make)
    {
        string code;
        do
        {
            code = make();
        }
        while (!used.Add(code));

        return code;
    }

    private static int RoundTo(int value, int step) => (int)Math.Round(value / (double)step) * step;

    private static int[] ThreeDigitNumbers(string text)
        => ThreeDigits().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Where(v => v is >= 300 and <= 1100).ToArray();

    [GeneratedRegex(@"(?<!\d)\d{3,4}(?!\d)")]
    private static partial Regex ThreeDigits();

    /// <summary>Hands out increasing ids, skipping the ones already taken.</summary>
    private sealed class IdAllocator(IEnumerable<int> taken)
    {
        private readonly HashSet<int> _taken = taken.ToHashSet();
        private int _next = 1;

        public int Next()
        {
            while (_taken.Contains(_next))
            {
                _next++;
            }

            _taken.Add(_next);
            return _next++;
        }

        public int Peek()
        {
            var n = _next;
            while (_taken.Contains(n))
            {
                n++;
            }

            return n;
        }
    }
}
