using FPbase.Data.Domain;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

// Filters, lights and cameras, and one spectrum for each that has none.
internal sealed partial class DataGenerator
{
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
}
