using System.Collections.Frozen;
using FPbase.Data;
using FPbase.Data.Entities;

namespace FPbase.Web.Features.GraphQL.Caching;

/// <summary>
/// What the GraphQL resource walk needs of the dependency map: the list resources that cover each GraphQL type,
/// and which types the per-row resource of a protein's page covers.
/// </summary>
internal static class GraphQLResourceMap
{
    /// <summary>Introspection: the schema changes only with the build, which is part of every ETag. Never bumped.</summary>
    public const string Schema = CacheDependencies.GraphQLSchema;

    /// <summary>
    /// GraphQL type -> the entity its data is (null for a type that is no entity's: a list item built from
    /// several), and the list resources that cover it. Whether <c>protein:{uuid}</c> covers the type under
    /// <c>protein(id:)</c> is the entity's rule's to say (<see cref="CoveredByProteinRow"/>).
    /// </summary>
    private static readonly (string Type, Type? Entity, string[] Lists)[] Types =
    [
        ("Protein", typeof(Protein), [CacheDependencies.Proteins]),
        ("ProteinNode", typeof(Protein), [CacheDependencies.Proteins]),
        ("Node", null, [CacheDependencies.Proteins]),
        // allProteins: which proteins a page holds, in what order and how many in all; its filters read the
        // proteins with their states and bleach measurements, and their primary references with their authors.
        ("ProteinNodeConnection", null, [CacheDependencies.Proteins, CacheDependencies.References]),
        ("ProteinNodeEdge", null, [CacheDependencies.Proteins, CacheDependencies.References]),
        ("PageInfo", null, [CacheDependencies.Proteins, CacheDependencies.References]),
        ("State", typeof(State), [CacheDependencies.Proteins]),
        ("DyeState", typeof(DyeState), [CacheDependencies.Dyes]),
        ("Dye", typeof(Dye), [CacheDependencies.Dyes]),
        ("Spectrum", typeof(Spectrum), [CacheDependencies.Spectra]),
        ("SpectrumInfo", null, [CacheDependencies.Spectra]),
        ("SpectrumOwnerInfo", null, [CacheDependencies.Spectra]),
        // Every owner kind (state, dye state, dye, protein, filter, light, camera) bumps `spectra`; under
        // `protein(id:)` the owners reached are the protein's states.
        ("SpectrumOwnerInterface", typeof(State), [CacheDependencies.Spectra]),
        ("FluorophoreInterface", typeof(State), [CacheDependencies.Spectra]),
        ("Filter", typeof(Filter), [CacheDependencies.Filters]),
        ("Light", typeof(Light), [CacheDependencies.Lights]),
        ("Camera", typeof(Camera), [CacheDependencies.Cameras]),
        ("Microscope", typeof(Microscope), [CacheDependencies.Microscopes]),
        ("OpticalConfig", typeof(OpticalConfig), [CacheDependencies.OpticalConfigs]),
        // A placement's `name` is its filter's (every filter change bumps `optical-configs`); its
        // `spectrumId` is the filter's approved spectrum, which `spectra` follows.
        ("FilterPlacement", typeof(FilterPlacement), [CacheDependencies.OpticalConfigs, CacheDependencies.Spectra]),
        ("Reference", typeof(Reference), [CacheDependencies.References]),
        ("Author", typeof(Author), [CacheDependencies.References]),
        ("Organism", typeof(Organism), [CacheDependencies.Organisms]),
        ("StateTransition", typeof(StateTransition), [CacheDependencies.Proteins]),
        ("OSERMeasurement", typeof(OserMeasurement), [CacheDependencies.Proteins]),
    ];

    /// <summary>
    /// Which cached resources a GraphQL type's data is covered by: a resource CacheDependencies bumps for
    /// every change to any field of the type (and to which rows a list of it holds, where the type is the
    /// list's parent). A query reaching a type not listed here is served but not cached.
    /// </summary>
    public static readonly FrozenDictionary<string, string[]> ByType = Types.ToFrozenDictionary(t => t.Type, t => t.Lists, StringComparer.Ordinal);

    /// <summary>The entity each GraphQL type's data is, where it is one entity's.</summary>
    public static readonly FrozenDictionary<string, Type> EntityOf = Types.Where(t => t.Entity is not null)
        .ToFrozenDictionary(t => t.Type, t => t.Entity!, StringComparer.Ordinal);

    /// <summary>
    /// Types whose data under <c>protein(id:)</c> is what that protein's page shows, so the per-row
    /// resource <c>protein:{uuid}</c> covers it: those of entities whose rule bumps the pages of the
    /// proteins showing them (<see cref="CacheDependencies.RowPagesShow"/>): the protein, its states and
    /// their spectra, its organism, references and their authors, transitions and OSER measurements.
    /// </summary>
    public static readonly FrozenSet<string> CoveredByProteinRow = EntityOf
        .Where(t => CacheDependencies.RowPagesShow(CacheDependencies.ProteinRow, t.Value))
        .Select(t => t.Key)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Fields that leave the protein's page even from a covered type (another row's data).</summary>
    public static readonly FrozenSet<string> LeavesProteinRow = new[]
    {
        "Organism.proteins", "Spectrum.reference", "OSERMeasurement.reference",
    }.ToFrozenSet(StringComparer.Ordinal);
}
