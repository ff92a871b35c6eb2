using FPbase.Data;
using FPbase.Data.Entities;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.GraphQL.Loading;

/// <summary>
/// The request's batched loads: every relation a GraphQL type can follow, loaded for all the parents
/// of one level of the response with one query (so 1,500 proteins' states are one query, not 1,500).
/// Every list is in a total order (ties broken by a unique key): a response is one strong ETag per version.
/// Scoped: one instance, and one <see cref="FpbaseDbContext"/>, per request.
/// </summary>
internal sealed class GraphLoaders(FpbaseDbContext db)
{
    private BatchLoader<int, IReadOnlyList<State>>? _statesByProtein;
    private BatchLoader<int, State?>? _states;
    private BatchLoader<int, Protein?>? _proteins;
    private BatchLoader<int, FluorescentState?>? _fluors;
    private BatchLoader<int, IReadOnlyList<DyeState>>? _statesByDye;
    private BatchLoader<int, Dye?>? _dyes;
    private BatchLoader<int, IReadOnlyList<SpectrumNode>>? _spectraByFluor;
    private BatchLoader<int, IReadOnlyList<SpectrumNode>>? _spectraByProtein;
    private BatchLoader<int, SpectrumNodeValues?>? _values;
    private BatchLoader<int, SpectrumNode?>? _spectraByFilter;
    private BatchLoader<int, SpectrumNode?>? _spectraByLight;
    private BatchLoader<int, SpectrumNode?>? _spectraByCamera;
    private BatchLoader<int, Filter?>? _filters;
    private BatchLoader<int, Light?>? _lights;
    private BatchLoader<int, Camera?>? _cameras;
    private BatchLoader<int, Reference?>? _references;
    private BatchLoader<int, IReadOnlyList<Reference>>? _referencesByProtein;
    private BatchLoader<int, IReadOnlyList<Author>>? _authorsByReference;
    private BatchLoader<int, Organism?>? _organisms;
    private BatchLoader<int, IReadOnlyList<Protein>>? _proteinsByOrganism;
    private BatchLoader<int, IReadOnlyList<StateTransition>>? _transitionsByProtein;
    private BatchLoader<int, IReadOnlyList<OserMeasurement>>? _oserByProtein;
    private BatchLoader<string, Microscope?>? _microscopes;
    private BatchLoader<string, IReadOnlyList<OpticalConfig>>? _configsByMicroscope;
    private BatchLoader<string, IReadOnlyList<Light>>? _extraLights;
    private BatchLoader<string, IReadOnlyList<Camera>>? _extraCameras;
    private BatchLoader<int, IReadOnlyList<FilterPlacement>>? _placementsByConfig;

    public IDataLoaderResult<IReadOnlyList<State>> StatesOfProtein(int proteinId)
        => (_statesByProtein ??= Many<int, State>((ids, ct) => db.States.AsNoTracking().Where(s => ids.Contains(s.ProteinId)).OrderBy(s => s.Id).ToListAsync(ct), s => s.ProteinId)).Load(proteinId);

    public IDataLoaderResult<State?> State(int id)
        => (_states ??= One<int, State>((ids, ct) => db.States.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct), s => s.Id)).Load(id);

    public IDataLoaderResult<Protein?> Protein(int id)
        => (_proteins ??= One<int, Protein>((ids, ct) => db.Proteins.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct), p => p.Id)).Load(id);

    /// <summary>A spectrum's fluorophore owner: a <see cref="Data.Entities.State"/> or a <see cref="DyeState"/>.</summary>
    public IDataLoaderResult<FluorescentState?> Fluor(int id)
        => (_fluors ??= One<int, FluorescentState>((ids, ct) => db.FluorescentStates.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct), s => s.Id)).Load(id);

    public IDataLoaderResult<IReadOnlyList<DyeState>> StatesOfDye(int dyeId)
        => (_statesByDye ??= Many<int, DyeState>((ids, ct) => db.DyeStates.AsNoTracking().Where(s => ids.Contains(s.DyeId)).OrderBy(s => s.Id).ToListAsync(ct), s => s.DyeId)).Load(dyeId);

    public IDataLoaderResult<Dye?> Dye(int id)
        => (_dyes ??= One<int, Dye>((ids, ct) => db.Dyes.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct), d => d.Id)).Load(id);

    public IDataLoaderResult<IReadOnlyList<SpectrumNode>> SpectraOfFluor(int fluorId)
        => (_spectraByFluor ??= Many<int, SpectrumNode>(
            (ids, ct) => db.Spectra.AsNoTracking().Where(s => s.OwnerFluorId != null && ids.Contains(s.OwnerFluorId.Value)).OrderBy(s => s.Id).Select(SpectrumNodes.Projection).ToListAsync(ct),
            s => s.OwnerFluorId!.Value)).Load(fluorId);

    /// <summary>All spectra of all states of a protein.</summary>
    public IDataLoaderResult<IReadOnlyList<SpectrumNode>> SpectraOfProtein(int proteinId)
        => (_spectraByProtein ??= new BatchLoader<int, IReadOnlyList<SpectrumNode>>(
            async (ids, ct) =>
            {
                var rows = await db.Spectra.AsNoTracking()
                    .Join(db.States.Where(st => ids.Contains(st.ProteinId)), s => s.OwnerFluorId, st => st.Id, (s, st) => new { st.ProteinId, Spectrum = s })
                    .OrderBy(r => r.Spectrum.Id)
                    .Select(r => new { r.ProteinId, r.Spectrum.Id })
                    .ToListAsync(ct);
                var spectrumIds = rows.ConvertAll(r => r.Id);
                var nodes = await db.Spectra.AsNoTracking().Where(s => spectrumIds.Contains(s.Id)).Select(SpectrumNodes.Projection).ToDictionaryAsync(s => s.Id, ct);
                return rows.GroupBy(r => r.ProteinId).ToDictionary(g => g.Key, g => (IReadOnlyList<SpectrumNode>)g.Select(r => nodes[r.Id]).ToList());
            },
            [])).Load(proteinId);

    public IDataLoaderResult<SpectrumNodeValues?> Values(int spectrumId)
        => (_values ??= new BatchLoader<int, SpectrumNodeValues?>(
            async (ids, ct) => await db.Spectra.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Select(s => new { s.Id, s.MinWave, s.Values })
                .ToDictionaryAsync(s => s.Id, s => (SpectrumNodeValues?)new SpectrumNodeValues(s.MinWave, s.Values), ct),
            null)).Load(spectrumId);

    public IDataLoaderResult<SpectrumNode?> SpectrumOfFilter(int filterId)
        => (_spectraByFilter ??= One<int, SpectrumNode>(
            (ids, ct) => db.Spectra.AsNoTracking().Where(s => s.OwnerFilterId != null && ids.Contains(s.OwnerFilterId.Value)).Select(SpectrumNodes.Projection).ToListAsync(ct),
            s => s.OwnerFilterId!.Value)).Load(filterId);

    public IDataLoaderResult<SpectrumNode?> SpectrumOfLight(int lightId)
        => (_spectraByLight ??= One<int, SpectrumNode>(
            (ids, ct) => db.Spectra.AsNoTracking().Where(s => s.OwnerLightId != null && ids.Contains(s.OwnerLightId.Value)).Select(SpectrumNodes.Projection).ToListAsync(ct),
            s => s.OwnerLightId!.Value)).Load(lightId);

    public IDataLoaderResult<SpectrumNode?> SpectrumOfCamera(int cameraId)
        => (_spectraByCamera ??= One<int, SpectrumNode>(
            (ids, ct) => db.Spectra.AsNoTracking().Where(s => s.OwnerCameraId != null && ids.Contains(s.OwnerCameraId.Value)).Select(SpectrumNodes.Projection).ToListAsync(ct),
            s => s.OwnerCameraId!.Value)).Load(cameraId);

    public IDataLoaderResult<Filter?> Filter(int id)
        => (_filters ??= One<int, Filter>((ids, ct) => db.Filters.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct), f => f.Id)).Load(id);

    public IDataLoaderResult<Light?> Light(int id)
        => (_lights ??= One<int, Light>((ids, ct) => db.Lights.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(ct), l => l.Id)).Load(id);

    public IDataLoaderResult<Camera?> Camera(int id)
        => (_cameras ??= One<int, Camera>((ids, ct) => db.Cameras.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct), c => c.Id)).Load(id);

    public IDataLoaderResult<Reference?> Reference(int id)
        => (_references ??= One<int, Reference>((ids, ct) => db.References.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct), r => r.Id)).Load(id);

    public IDataLoaderResult<IReadOnlyList<Reference>> ReferencesOfProtein(int proteinId)
        => (_referencesByProtein ??= Pairs<int, Reference>(
            async (ids, ct) => (await db.ProteinReferences.AsNoTracking().Where(pr => ids.Contains(pr.ProteinId))
                .OrderByDescending(pr => pr.Reference.Year).ThenBy(pr => pr.ReferenceId)
                .Select(pr => new { pr.ProteinId, pr.Reference }).ToListAsync(ct)).ConvertAll(r => (r.ProteinId, r.Reference)))).Load(proteinId);

    public IDataLoaderResult<IReadOnlyList<Author>> AuthorsOfReference(int referenceId)
        => (_authorsByReference ??= Pairs<int, Author>(
            async (ids, ct) => (await db.ReferenceAuthors.AsNoTracking().Where(ra => ids.Contains(ra.ReferenceId))
                .OrderBy(ra => ra.Order)
                .Select(ra => new { ra.ReferenceId, ra.Author }).ToListAsync(ct)).ConvertAll(r => (r.ReferenceId, r.Author)))).Load(referenceId);

    public IDataLoaderResult<Organism?> Organism(int id)
        => (_organisms ??= One<int, Organism>((ids, ct) => db.Organisms.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct), o => o.Id)).Load(id);

    public IDataLoaderResult<IReadOnlyList<Protein>> ProteinsOfOrganism(int organismId)
        => (_proteinsByOrganism ??= Many<int, Protein>(
            (ids, ct) => db.Proteins.AsNoTracking().Where(p => p.ParentOrganismId != null && ids.Contains(p.ParentOrganismId.Value)).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct),
            p => p.ParentOrganismId!.Value)).Load(organismId);

    public IDataLoaderResult<IReadOnlyList<StateTransition>> TransitionsOfProtein(int proteinId)
        => (_transitionsByProtein ??= Many<int, StateTransition>((ids, ct) => db.StateTransitions.AsNoTracking().Where(t => ids.Contains(t.ProteinId)).OrderBy(t => t.Id).ToListAsync(ct), t => t.ProteinId)).Load(proteinId);

    public IDataLoaderResult<IReadOnlyList<OserMeasurement>> OserOfProtein(int proteinId)
        => (_oserByProtein ??= Many<int, OserMeasurement>((ids, ct) => db.OserMeasurements.AsNoTracking().Where(o => ids.Contains(o.ProteinId)).OrderBy(o => o.Id).ToListAsync(ct), o => o.ProteinId)).Load(proteinId);

    public IDataLoaderResult<Microscope?> Microscope(string id)
        => (_microscopes ??= One<string, Microscope>((ids, ct) => db.Microscopes.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct), m => m.Id)).Load(id);

    public IDataLoaderResult<IReadOnlyList<OpticalConfig>> ConfigsOfMicroscope(string microscopeId)
        => (_configsByMicroscope ??= Many<string, OpticalConfig>((ids, ct) => db.OpticalConfigs.AsNoTracking().Where(c => ids.Contains(c.MicroscopeId)).OrderBy(c => c.Id).ToListAsync(ct), c => c.MicroscopeId)).Load(microscopeId);

    public IDataLoaderResult<IReadOnlyList<Light>> ExtraLightsOf(string microscopeId)
        => (_extraLights ??= Pairs<string, Light>(
            async (ids, ct) => (await db.Microscopes.AsNoTracking().Where(m => ids.Contains(m.Id))
                .SelectMany(m => m.ExtraLights.Select(l => new { MicroscopeId = m.Id, Light = l })).OrderBy(r => r.Light.Id).ToListAsync(ct)).ConvertAll(r => (r.MicroscopeId, r.Light)))).Load(microscopeId);

    public IDataLoaderResult<IReadOnlyList<Camera>> ExtraCamerasOf(string microscopeId)
        => (_extraCameras ??= Pairs<string, Camera>(
            async (ids, ct) => (await db.Microscopes.AsNoTracking().Where(m => ids.Contains(m.Id))
                .SelectMany(m => m.ExtraCameras.Select(c => new { MicroscopeId = m.Id, Camera = c })).OrderBy(r => r.Camera.Id).ToListAsync(ct)).ConvertAll(r => (r.MicroscopeId, r.Camera)))).Load(microscopeId);

    public IDataLoaderResult<IReadOnlyList<FilterPlacement>> PlacementsOfConfig(int configId)
        => (_placementsByConfig ??= Many<int, FilterPlacement>((ids, ct) => db.FilterPlacements.AsNoTracking().Where(p => ids.Contains(p.ConfigId)).OrderBy(p => p.Id).ToListAsync(ct), p => p.ConfigId)).Load(configId);

    private static BatchLoader<TKey, T?> One<TKey, T>(Func<IReadOnlyList<TKey>, CancellationToken, Task<List<T>>> query, Func<T, TKey> key)
        where TKey : notnull
        where T : class
        => new(async (ids, ct) => (await query(ids, ct)).ToDictionary(key, T? (row) => row), null);

    private static BatchLoader<TKey, IReadOnlyList<T>> Many<TKey, T>(Func<IReadOnlyList<TKey>, CancellationToken, Task<List<T>>> query, Func<T, TKey> key)
        where TKey : notnull
        => new(async (ids, ct) => (await query(ids, ct)).GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList()), []);

    private static BatchLoader<TKey, IReadOnlyList<T>> Pairs<TKey, T>(Func<IReadOnlyList<TKey>, CancellationToken, Task<List<(TKey Key, T Value)>>> query)
        where TKey : notnull
        => new(async (ids, ct) => (await query(ids, ct)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.Select(p => p.Value).ToList()), []);
}
