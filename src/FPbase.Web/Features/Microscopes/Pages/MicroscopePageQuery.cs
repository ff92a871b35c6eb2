using System.Globalization;
using FPbase.Data;
using FPbase.Data.Domain.Fret;
using FPbase.Data.Domain.Microscopes;
using FPbase.Data.Entities;
using FPbase.Web.Features.Spectra.Images;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>
/// A microscope page: the microscope through <see cref="MicroscopeQuery"/> (the API's query), the shown config's
/// component spectra (three small queries) and every visible fluor's excitation and emission spectra (two queries),
/// then FPbase's efficiencies (<see cref="OpticalEfficiency"/>) for that one config. Work per build: one config ×
/// the fluors; a request names at most one config.
/// </summary>
internal static class MicroscopePageQuery
{
    /// <summary>What the request named and was not found: the microscope, its config <c>c</c>, or the fluor <c>p</c>.</summary>
    public enum Miss
    {
        None,
        Microscope,
        Config,
        Fluor,
    }

    private static readonly SpectrumSubtype[] FluorSubtypes = [SpectrumSubtype.Excitation, SpectrumSubtype.Absorption, SpectrumSubtype.Emission];

    private sealed record Fluor(int StateId, string Label, string Slug, string OwnerSlug, bool IsDye, string ExHex, string EmHex, int? ExtCoeff, double? Qy);

    public static async Task<(MicroscopePage? Page, Miss Miss)> LoadAsync(FpbaseDbContext db, string id, string? config, string? fluor, bool embedded, CancellationToken cancellationToken)
    {
        if (await MicroscopeQuery.LoadAsync(db, id, cancellationToken) is not { } scope)
        {
            return (null, Miss.Microscope);
        }

        var links = scope.OpticalConfigs.Select(c => new ConfigLink(c.Id, c.Name)).ToList();
        var chosen = config is null
            ? scope.OpticalConfigs.FirstOrDefault()
            : scope.OpticalConfigs.FirstOrDefault(c => c.Name == config)
              ?? scope.OpticalConfigs.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == config);
        if (config is not null && chosen is null)
        {
            return (null, Miss.Config);
        }

        if (chosen is null)
        {
            var empty = new MicroscopePage(scope.Id, scope.Name, scope.Description, links, null, new SpectraPlot(scope.Name, [], []), [], null, embedded);
            return fluor is null ? (empty, Miss.None) : (null, Miss.Fluor);
        }

        var filterSlugs = chosen.Filters.Select(f => f.Filter).Distinct().ToList();
        var filters = await db.Filters.AsNoTracking().Where(f => filterSlugs.Contains(f.Slug))
            .Select(f => new { f.Slug, f.Name, Spectrum = f.Spectrum == null ? null : new { f.Spectrum.Id, f.Spectrum.MinWave, f.Spectrum.Values } })
            .ToListAsync(cancellationToken);
        var light = chosen.Light is null || chosen.Laser is not null ? null : await db.Lights.AsNoTracking().Where(l => l.Slug == chosen.Light)
            .Select(l => new { l.Name, Spectrum = l.Spectrum == null ? null : new { l.Spectrum.Id, l.Spectrum.MinWave, l.Spectrum.Values } })
            .FirstOrDefaultAsync(cancellationToken);
        var camera = chosen.Camera is null ? null : await db.Cameras.AsNoTracking().Where(c => c.Slug == chosen.Camera)
            .Select(c => new { c.Name, Spectrum = c.Spectrum == null ? null : new { c.Spectrum.Id, c.Spectrum.MinWave, c.Spectrum.Values } })
            .FirstOrDefaultAsync(cancellationToken);

        // The two paths, FPbase's order: source, beamsplitters, filters.
        var ex = new List<GridSpectrum>();
        var em = new List<GridSpectrum>();
        var series = new List<PlotSeries>();
        if (chosen.Laser is { } line)
        {
            ex.Add(OpticalEfficiency.Laser(line));
            series.Add(new PlotSeries(0, $"{line} nm laser", "laser", "#e6b800", line - 1, [0f, 1f, 0f]));
        }
        else if (light?.Spectrum is { Values.Length: > 0 } ls)
        {
            ex.Add(new GridSpectrum(ls.MinWave, ls.Values));
            series.Add(new PlotSeries(ls.Id, light.Name, "pd", "#e6b800", ls.MinWave, ls.Values));
        }

        if (camera?.Spectrum is { Values.Length: > 0 } cs)
        {
            em.Add(new GridSpectrum(cs.MinWave, cs.Values));
            series.Add(new PlotSeries(cs.Id, camera.Name, "qe", "#777777", cs.MinWave, cs.Values));
        }

        var bySlug = filters.ToDictionary(f => f.Slug, StringComparer.Ordinal);
        var shown = new List<ShownFilter>();
        foreach (var path in new[] { "ex", "bs", "em" })
        {
            foreach (var placement in chosen.Filters.Where(f => f.Path == path))
            {
                if (!bySlug.TryGetValue(placement.Filter, out var filter))
                {
                    continue;
                }

                shown.Add(new ShownFilter(filter.Name, filter.Slug, path, placement.Reflects));
                if (filter.Spectrum is not { Values.Length: > 0 } fs)
                {
                    continue;
                }

                var grid = new GridSpectrum(fs.MinWave, fs.Values);
                var inverted = OpticalEfficiency.Invert(grid);
                if (path == "bs")
                {
                    ex.Add(placement.Reflects ? grid : inverted);
                    em.Add(placement.Reflects ? inverted : grid);
                }
                else
                {
                    (path == "ex" ? ex : em).Add(placement.Reflects ? inverted : grid);
                }

                series.Add(new PlotSeries(fs.Id, filter.Name, path, path switch { "ex" => "#1f77b4", "em" => "#d62728", _ => "#999999" }, fs.MinWave, fs.Values));
            }
        }

        var configEx = OpticalEfficiency.Product(ex);
        var configEm = OpticalEfficiency.Product(em);
        var (fluors, spectra) = await FluorsAsync(db, cancellationToken);
        var rows = new List<FluorEfficiency>();
        FluorEfficiency? selected = null;
        foreach (var f in fluors)
        {
            spectra.TryGetValue((f.StateId, SpectrumSubtype.Excitation), out var fex);
            if (fex.Values is null)
            {
                spectra.TryGetValue((f.StateId, SpectrumSubtype.Absorption), out fex);
            }

            spectra.TryGetValue((f.StateId, SpectrumSubtype.Emission), out var fem);
            var e = OpticalEfficiency.Of(configEx, configEm, fex.Values is null ? null : fex, fem.Values is null ? null : fem, f.ExtCoeff, f.Qy);
            var row = new FluorEfficiency(f.Label, f.Slug, f.OwnerSlug, f.IsDye, f.EmHex, e.Excitation, e.BroadExcitation, e.Emission, e.Brightness);
            if (f.Slug == fluor)
            {
                selected = row;
                if (fex.Values is not null)
                {
                    series.Add(new PlotSeries(-1, f.Label, "ex", f.ExHex, fex.MinWave, fex.Values));
                }

                if (fem.Values is not null)
                {
                    series.Add(new PlotSeries(-2, f.Label, "em", f.EmHex, fem.MinWave, fem.Values));
                }
            }

            // FPbase's report lists the fluors with both efficiencies non-zero.
            if (e.Excitation is > 0 && e.Emission is > 0)
            {
                rows.Add(row);
            }
        }

        if (fluor is not null && selected is null)
        {
            return (null, Miss.Fluor);
        }

        rows.Sort((a, b) =>
        {
            var order = (b.Brightness ?? -1).CompareTo(a.Brightness ?? -1);
            order = order != 0 ? order : (b.Emission! * b.Excitation!).Value.CompareTo((a.Emission! * a.Excitation!).Value);
            return order != 0 ? order : string.CompareOrdinal(a.Slug, b.Slug);
        });
        var shownConfig = new ShownConfig(chosen.Id, chosen.Name, chosen.Description, chosen.Comments, light?.Name, chosen.Laser, camera?.Name, shown);
        return (new MicroscopePage(scope.Id, scope.Name, scope.Description, links, shownConfig, new SpectraPlot($"{scope.Name}: {chosen.Name}", [], series), rows, selected, embedded), Miss.None);
    }

    /// <summary>Every fluorescent state of a visible protein and every dye state, with their ex, ab and em spectra (one per subtype, the lowest id).</summary>
    private static async Task<(List<Fluor> Fluors, Dictionary<(int, SpectrumSubtype), GridSpectrum> Spectra)> FluorsAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var proteins = await db.States.AsNoTracking()
            .Where(s => s.Protein.Status != ProteinStatus.Hidden)
            .Select(s => new Fluor(s.Id, s.Name == "default" || s.Name == "" ? s.Protein.Name : s.Protein.Name + " (" + s.Name + ")", s.Slug, s.Protein.Slug, false, s.ExHex, s.EmHex, s.ExtCoeff, s.Qy))
            .ToListAsync(cancellationToken);
        var dyes = await db.DyeStates.AsNoTracking()
            .Select(s => new Fluor(s.Id, s.OwnerName, s.Slug, s.OwnerSlug, true, s.ExHex, s.EmHex, s.ExtCoeff, s.Qy))
            .ToListAsync(cancellationToken);
        var rows = await db.Spectra.AsNoTracking()
            .Where(s => s.OwnerFluorId != null && FluorSubtypes.Contains(s.Subtype))
            .OrderBy(s => s.Id)
            .Select(s => new { StateId = s.OwnerFluorId!.Value, s.Subtype, s.MinWave, s.Values })
            .ToListAsync(cancellationToken);
        var spectra = new Dictionary<(int, SpectrumSubtype), GridSpectrum>();
        foreach (var s in rows.Where(s => s.Values.Length > 0))
        {
            spectra.TryAdd((s.StateId, s.Subtype), new GridSpectrum(s.MinWave, s.Values));
        }

        var all = proteins.Concat(dyes).OrderBy(f => f.Slug, StringComparer.Ordinal).ToList();
        return (all, spectra);
    }
}
