using System.Collections.Frozen;
using FPbase.Data;

namespace FPbase.Web.Features.GraphQL.Caching;

/// <summary>
/// Which cached resources a GraphQL type's data is covered by: a resource CacheDependencies bumps for
/// every change to any field of the type (and to which rows a list of it holds, where the type is the
/// list's parent). A query reaching a type not listed here is served but not cached.
/// </summary>
internal static class GraphQLResourceMap
{
    /// <summary>Introspection: the schema changes only with the build, which is part of every ETag. Never bumped.</summary>
    public const string Schema = CacheDependencies.GraphQLSchema;

    /// <summary>The per-row family whose row, under <c>protein(id:)</c>, stands for what that protein's page shows.</summary>
    public const string ProteinRowFamily = CacheDependencies.ProteinRow;

    public static readonly FrozenDictionary<string, string[]> ByType = new Dictionary<string, string[]>
    {
        ["Protein"] = [CacheDependencies.Proteins],
        ["State"] = [CacheDependencies.Proteins],
        ["DyeState"] = [CacheDependencies.Dyes],
        ["Dye"] = [CacheDependencies.Dyes],
        ["Spectrum"] = [CacheDependencies.Spectra],
        ["SpectrumInfo"] = [CacheDependencies.Spectra],
        ["SpectrumOwnerInfo"] = [CacheDependencies.Spectra],
        // Every owner kind (state, dye state, dye, protein, filter, light, camera) bumps `spectra`.
        ["SpectrumOwnerInterface"] = [CacheDependencies.Spectra],
        ["FluorophoreInterface"] = [CacheDependencies.Spectra],
        ["Filter"] = [CacheDependencies.Filters],
        ["Light"] = [CacheDependencies.Lights],
        ["Camera"] = [CacheDependencies.Cameras],
        ["Microscope"] = [CacheDependencies.Microscopes],
        ["OpticalConfig"] = [CacheDependencies.OpticalConfigs],
        // A placement's `name` is its filter's (every filter change bumps `optical-configs`); its
        // `spectrumId` is the filter's approved spectrum, which `spectra` follows.
        ["FilterPlacement"] = [CacheDependencies.OpticalConfigs, CacheDependencies.Spectra],
        ["Reference"] = [CacheDependencies.References],
        ["Author"] = [CacheDependencies.References],
        ["Organism"] = [CacheDependencies.Organisms],
        ["StateTransition"] = [CacheDependencies.Proteins],
        ["OSERMeasurement"] = [CacheDependencies.Proteins],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Types whose data under <c>protein(id:)</c> is what that protein's page shows, so the per-row
    /// resource <c>protein:{uuid}</c> covers it: the protein, its states and their spectra, its
    /// organism, references and their authors, transitions and OSER measurements.
    /// </summary>
    public static readonly FrozenSet<string> CoveredByProteinRow = new[]
    {
        "Protein", "State", "Spectrum", "SpectrumOwnerInterface", "FluorophoreInterface",
        "Organism", "Reference", "Author", "StateTransition", "OSERMeasurement",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Fields that leave the protein's page even from a covered type (another row's data).</summary>
    public static readonly FrozenSet<string> LeavesProteinRow = new[]
    {
        "Organism.proteins", "Spectrum.reference", "OSERMeasurement.reference",
    }.ToFrozenSet(StringComparer.Ordinal);
}
