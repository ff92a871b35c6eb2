using FPbase.Data.Domain;
using FPbase.Data.Entities;
using static FPbase.Data.Seeding.NamePools;

namespace FPbase.Data.Seeding;

// Microscopes, their optical configs and filter placements.
internal sealed partial class DataGenerator
{
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
}
