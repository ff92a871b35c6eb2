using System.Collections.Frozen;
using FPbase.Caching;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FPbase.Data;

/// <summary>
/// The whole invalidation story of FPbase, in one place: for every entity, which cached resources a
/// change to it touches. The EF Core interceptors of FPbase.Caching call this for every write and bump
/// what it names after the commit; no other code invalidates anything.
/// <list type="bullet">
/// <item>Whole lists (<see cref="Spectra"/>, <see cref="OpticalConfigs"/>, ...) are named in <see cref="Rules"/>.</item>
/// <item>Pages that show one row use per-row resources (<c>protein:{slug}</c>, <c>protein:{uuid}</c>,
/// <c>spectrum:{id}</c>, ...). A change to anything such a page shows bumps that row, found through the
/// change's foreign keys (original and current values, so a row moved between parents touches both),
/// and, where the link is further away, with one query per kind of link.</item>
/// <item>Set-based writes (ExecuteUpdate, ExecuteDelete, raw SQL) cannot say which rows they changed:
/// they bump the type's lists and whole per-row families (<c>protein:*</c>).</item>
/// <item>A row may be addressed by more than one key, and every key is bumped: a protein by slug, uuid and
/// its aliases (<see cref="AliasKey"/>, old and new, though alias URLs only ever redirect); a reference by id
/// and by DOI (<c>reference:10.1016/0378-1119(95)00685-0</c>).</item>
/// <item>A protein page shows the names of its lineage parent and children: a change to a protein bumps
/// their pages too. It shows the excerpts that cite it, with their references' citations.</item>
/// </list>
/// </summary>
public sealed partial class CacheDependencies : IResourceDependencyMap
{
    // Whole lists.
    public const string Spectra = "spectra";
    public const string OpticalConfigs = "optical-configs";
    public const string Proteins = "proteins";
    public const string References = "references";
    public const string Lineage = "lineage";
    public const string Dyes = "dyes";
    public const string Filters = "filters";
    public const string Lights = "lights";
    public const string Cameras = "cameras";
    public const string Microscopes = "microscopes";
    public const string Organisms = "organisms";

    /// <summary>The home page's most viewed proteins (<see cref="Popularity.ProteinViews"/>).</summary>
    public const string Popular = "popular";

    // Per-row families: `protein:{slug}` and `protein:{uuid}`, `spectrum:{id}`, `reference:{id}` and
    // `reference:{doi}`, `microscope:{id}`, `dye:{slug}`.
    public const string ProteinRow = "protein";
    public const string SpectrumRow = "spectrum";
    public const string ReferenceRow = "reference";
    public const string MicroscopeRow = "microscope";
    public const string DyeRow = "dye";

    // Per-row resources as endpoints name them, from a route value. `{id:int}` is written as the number the
    // action receives, so `/reference/066/` depends on `reference:66`, the row the map bumps; other values
    // are lower-cased, as ResourceNames.Row writes the keys it bumps.
    public const string ProteinBySlug = ProteinRow + ":{slug}";
    public const string DyeBySlug = DyeRow + ":{slug}";
    public const string SpectrumById = SpectrumRow + ":{id:int}";
    public const string ReferenceById = ReferenceRow + ":{id:int}";
    public const string MicroscopeById = MicroscopeRow + ":{id}";

    /// <summary>
    /// The GraphQL schema, for introspection: it changes only with the build, which is part of every ETag, so
    /// no write bumps it. The one resource no rule names, on purpose.
    /// </summary>
    public const string GraphQLSchema = "graphql-schema";

    /// <summary>
    /// The text of the site's own pages (about, cite, help, robots.txt): like <see cref="GraphQLSchema"/>, it changes
    /// only with the build, so no write bumps it.
    /// </summary>
    public const string SitePages = "site-pages";

    /// <summary>The resources only the build changes (part of every ETag): no rule names them, on purpose.</summary>
    public static readonly IReadOnlyList<string> BuildOnly = [GraphQLSchema, SitePages];

    /// <summary>The whole lists, for the staff cache dashboard's table of versions.</summary>
    public static readonly IReadOnlyList<string> Lists = [Proteins, Spectra, References, Lineage, Organisms, Dyes, Filters, Lights, Cameras, Microscopes, OpticalConfigs, Popular];

    /// <summary>The excerpt–protein join table, a shared-type entity without a CLR class of its own.</summary>
    internal const string ExcerptProteinJoin = "excerpt_proteins";

    /// <summary>The microscope–light and microscope–camera join tables (a microscope's extra lights and cameras).</summary>
    internal const string MicroscopeLightJoin = "microscope_extra_lights";
    internal const string MicroscopeCameraJoin = "microscope_extra_cameras";

    /// <summary>
    /// Entity -> the lists it appears in, and the per-row families whose pages show it. Indirect
    /// appearances count: a protein's name is its spectra's owner name in the spectra list; a filter,
    /// light or camera is part of the optical configs that use it.
    /// </summary>
    private static readonly FrozenDictionary<string, (string[] Lists, string[] Families)> Rules = new Dictionary<string, (string[], string[])>
    {
        [nameof(Protein)] = ([Proteins, Spectra, Lineage], [ProteinRow]),
        [nameof(State)] = ([Spectra, Proteins], [ProteinRow]),
        [nameof(FluorescentState)] = ([Spectra, Proteins, Dyes], [ProteinRow, DyeRow]),
        [nameof(DyeState)] = ([Spectra, Dyes], [DyeRow]),
        [nameof(Dye)] = ([Dyes, Spectra], [DyeRow]),
        [nameof(Spectrum)] = ([Spectra], [SpectrumRow, ProteinRow, DyeRow]),
        [nameof(Filter)] = ([Filters, Spectra, OpticalConfigs, Microscopes], [MicroscopeRow]),
        [nameof(Light)] = ([Lights, Spectra, OpticalConfigs, Microscopes], [MicroscopeRow]),
        [nameof(Camera)] = ([Cameras, Spectra, OpticalConfigs, Microscopes], [MicroscopeRow]),
        [nameof(Microscope)] = ([Microscopes, OpticalConfigs], [MicroscopeRow]),
        [nameof(OpticalConfig)] = ([OpticalConfigs, Microscopes], [MicroscopeRow]),
        [nameof(FilterPlacement)] = ([OpticalConfigs, Microscopes], [MicroscopeRow]),
        [nameof(Organism)] = ([Organisms, Proteins], [ProteinRow]),
        [nameof(Entities.Lineage)] = ([Lineage], [ProteinRow]),
        [nameof(Reference)] = ([References], [ReferenceRow, ProteinRow]),
        [nameof(Author)] = ([References], [ReferenceRow, ProteinRow]),
        [nameof(ReferenceAuthor)] = ([References], [ReferenceRow, ProteinRow]),
        [nameof(ProteinReference)] = ([References, Proteins], [ReferenceRow, ProteinRow]),
        [nameof(Excerpt)] = ([References], [ReferenceRow, ProteinRow]),
        [ExcerptProteinJoin] = ([References], [ReferenceRow, ProteinRow]),
        [MicroscopeLightJoin] = ([Microscopes], [MicroscopeRow]),
        [MicroscopeCameraJoin] = ([Microscopes], [MicroscopeRow]),
        [nameof(BleachMeasurement)] = ([Proteins], [ProteinRow]),
        [nameof(StateTransition)] = ([Proteins], [ProteinRow]),
        [nameof(OserMeasurement)] = ([Proteins], [ProteinRow]),
        // Accounts (FPbase.Data.Identity): users, roles, API tokens and favourites appear on no public page.
        [Identity.IdentityEntities.User] = ([], []),
        [Identity.IdentityEntities.Role] = ([], []),
        [Identity.IdentityEntities.UserRole] = ([], []),
        [Identity.IdentityEntities.UserClaim] = ([], []),
        [Identity.IdentityEntities.UserLogin] = ([], []),
        [Identity.IdentityEntities.UserToken] = ([], []),
        [Identity.IdentityEntities.RoleClaim] = ([], []),
        [Identity.IdentityEntities.Token] = ([], []),
        [Identity.IdentityEntities.Favourite] = ([], []),
        [Identity.IdentityEntities.DataProtectionKey] = ([], []),
        // Page views feed the home page's popular proteins; a protein's own page does not show them.
        [nameof(Popularity.ProteinView)] = ([Popular], []),
        // A protein's revision history (FPbase.Data.Revisions) is listed per protein only.
        [nameof(Revisions.ProteinRevision)] = ([], [ProteinRow]),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BumpedLists = Rules.Values.SelectMany(r => r.Lists).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BumpedFamilies = Rules.Values.SelectMany(r => r.Families).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether some rule can bump this resource: a whole list a rule names, or a per-row resource (a template
    /// such as <c>protein:{slug}</c>, a row such as <c>protein:egfp</c>, or <c>protein:*</c>) of a family a
    /// rule names. A response depending on anything else would be answered 304 forever.
    /// </summary>
    public static bool CanBump(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var colon = resource.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? BumpedLists.Contains(resource) : BumpedFamilies.Contains(resource[..colon]);
    }

    /// <summary>
    /// What a response showing one protein's page depends on, the protein addressed by slug, uuid or alias key:
    /// <c>protein:{key}</c> (lower-cased) and <c>protein:*</c>, which set-based writes bump.
    /// </summary>
    public static string[] ProteinPage(string key) => RowPage(ProteinRow, key);

    /// <summary>
    /// What a response showing one reference's page depends on, the reference addressed by id or DOI:
    /// <c>reference:{key}</c> (lower-cased, as DOIs are bumped) and <c>reference:*</c>.
    /// </summary>
    public static string[] ReferencePage(object key) => RowPage(ReferenceRow, key);

    private static string[] RowPage(string family, object key) => [ResourceNames.Row(family, key), ResourceNames.FamilyOf(family)];

    /// <summary>
    /// Whether a change to <paramref name="entity"/> bumps the pages of the <paramref name="family"/> rows that
    /// show it (its rule names the family): then those pages' resources cover its data, as <c>protein:{uuid}</c>
    /// covers a protein's states, spectra and references under GraphQL's <c>protein(id:)</c>.
    /// </summary>
    public static bool RowPagesShow(string family, Type entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Rules.TryGetValue(entity.Name, out var rule)
            ? rule.Families.Contains(family)
            : throw new InvalidOperationException($"CacheDependencies has no rule for {entity.Name}: every entity must say what it touches.");
    }

    public IResourceLinks? Collect(IReadOnlyList<EntityEntry> entries, ISet<string> resources)
    {
        var rows = new AffectedRows();
        foreach (var entry in entries)
        {
            if (IsHiddenSpectrum(entry))
            {
                // A pending or rejected spectrum, before and after this write, is shown nowhere: a
                // submission must not make every client download the spectra list again.
                continue;
            }

            resources.UnionWith(RuleFor(entry.Metadata).Lists);
            CollectRows(entry, resources, rows);
        }

        return rows.IsEmpty ? null : rows;
    }

    public void CollectForTable(IEntityType entityType, ISet<string> resources)
    {
        var (lists, families) = RuleFor(entityType);
        resources.UnionWith(lists);
        foreach (var family in families)
        {
            resources.Add(ResourceNames.FamilyOf(family));
        }
    }

    private static bool IsHiddenSpectrum(EntityEntry entry)
    {
        if (entry.Entity is not Spectrum)
        {
            return false;
        }

        var status = entry.Property(nameof(Spectrum.Status));
        var before = entry.State == EntityState.Added ? status.CurrentValue : status.OriginalValue;
        return before is not SpectrumStatus.Approved && status.CurrentValue is not SpectrumStatus.Approved;
    }

    private static (string[] Lists, string[] Families) RuleFor(IReadOnlyEntityType entityType)
    {
        var name = entityType.HasSharedClrType ? entityType.Name : entityType.ClrType.Name;
        return Rules.TryGetValue(name, out var rule)
            ? rule
            : throw new InvalidOperationException($"CacheDependencies has no rule for {name}: every entity must say what it touches.");
    }

    /// <summary>The rows of pages this entry is shown on, directly or through a link resolved later.</summary>
    private static void CollectRows(EntityEntry entry, ISet<string> resources, AffectedRows rows)
    {
        switch (entry.Entity)
        {
            case Protein:
                AddValues(entry, nameof(Protein.Slug), rows.ProteinKeys);
                AddValues(entry, nameof(Protein.Uuid), rows.ProteinKeys);
                AddAliasKeys(entry, rows.ProteinKeys);
                AddValues(entry, nameof(Protein.Id), rows.LineageNeighboursOf);
                AddLinkedNames(entry, rows.MentionedNames);
                break;
            case Spectrum:
                AddRow<int>(resources, SpectrumRow, entry, nameof(Spectrum.Id));
                AddValues(entry, nameof(Spectrum.OwnerFluorId), rows.StateIds);
                break;
            case DyeState:
                AddValues(entry, nameof(DyeState.DyeId), rows.DyeIds);
                break;
            case Dye:
                AddValues(entry, nameof(Dye.Slug), rows.DyeSlugs);
                break;
            case BleachMeasurement:
                AddValues(entry, nameof(BleachMeasurement.StateId), rows.StateIds);
                break;
            case Reference:
                AddValues(entry, nameof(Reference.Id), rows.ReferenceIds);
                AddValues(entry, nameof(Reference.Doi), rows.ReferenceDois);
                break;
            case ReferenceAuthor:
                AddValues(entry, nameof(ReferenceAuthor.ReferenceId), rows.ReferenceIds);
                break;
            case ProteinReference:
                AddValues(entry, nameof(ProteinReference.ReferenceId), rows.ReferencePageIds);
                break;
            case Author:
                AddValues(entry, nameof(Author.Id), rows.AuthorIds);
                break;
            case Excerpt:
                AddValues(entry, nameof(Excerpt.Id), rows.ExcerptIds);
                AddValues(entry, nameof(Excerpt.ReferenceId), rows.ReferencePageIds);
                break;
            case Organism:
                AddValues(entry, nameof(Organism.Id), rows.OrganismIds);
                break;
            case Entities.Lineage:
                AddValues(entry, nameof(Entities.Lineage.ParentId), rows.LineageIds);
                break;
            case Microscope:
                AddRow<string>(resources, MicroscopeRow, entry, nameof(Microscope.Id));
                break;
            case FilterPlacement:
                AddValues(entry, nameof(FilterPlacement.ConfigId), rows.ConfigIds);
                break;
            case Filter:
                AddValues(entry, nameof(Filter.Id), rows.FilterIds);
                break;
            case Light:
                AddValues(entry, nameof(Light.Id), rows.LightIds);
                break;
            case Camera:
                AddValues(entry, nameof(Camera.Id), rows.CameraIds);
                break;
            case Dictionary<string, object> when entry.Metadata.Name == ExcerptProteinJoin:
                AddValues(entry, "ExcerptId", rows.ExcerptIds);
                break;
        }

        // Every row that points at a protein (states, lineage, references, excerpts, transitions,
        // OSER measurements) is shown on that protein's page; every row that points at a microscope
        // (optical configs, extra lights and cameras) on the microscope's page. Only when its rule says
        // so: a per-user row (a favourite) points at a protein but is on no page.
        var families = RuleFor(entry.Metadata).Families;
        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            if (foreignKey.Properties.Count != 1)
            {
                continue;
            }

            if (foreignKey.PrincipalEntityType.ClrType == typeof(Protein) && families.Contains(ProteinRow))
            {
                AddValues(entry, foreignKey.Properties[0].Name, rows.ProteinIds);
            }
            else if (foreignKey.PrincipalEntityType.ClrType == typeof(Microscope) && families.Contains(MicroscopeRow))
            {
                AddValues(entry, foreignKey.Properties[0].Name, rows.MicroscopeIds);
            }
        }
    }

    /// <summary>
    /// The URL key of a protein alias, as FPbase matches it: lower-cased, spaces as dashes, dots dropped
    /// ("enhanced GFP" is requested as <c>/protein/enhanced-gfp/</c>).
    /// </summary>
    public static string AliasKey(string alias)
        => (alias ?? "").Trim().ToLowerInvariant().Replace(' ', '-').Replace(".", "", StringComparison.Ordinal);

    private static void AddAliasKeys(EntityEntry entry, ISet<string> into)
    {
        var property = entry.Property(nameof(Protein.Aliases));
        object?[] lists = entry.State == EntityState.Added ? [property.CurrentValue] : [property.CurrentValue, property.OriginalValue];
        foreach (var alias in lists.OfType<IEnumerable<string>>().SelectMany(a => a))
        {
            if (AliasKey(alias) is { Length: > 0 } key)
            {
                into.Add(key);
            }
        }
    }

    /// <summary>
    /// Excerpts link the names and aliases of visible proteins to their pages (the site's excerpt links): when a
    /// protein appears, disappears, or changes a name, alias, slug or visibility, every excerpt that mentions one of
    /// its names, old or new, shows something else. Only then: another edit of a protein changes no link.
    /// </summary>
    private static void AddLinkedNames(EntityEntry entry, ISet<string> into)
    {
        string[] linkProperties = [nameof(Protein.Name), nameof(Protein.Aliases), nameof(Protein.Slug), nameof(Protein.Status)];
        if (entry.State is EntityState.Modified && !linkProperties.Any(p => entry.Property(p).IsModified))
        {
            return;
        }

        AddValues(entry, nameof(Protein.Name), into);
        var aliases = entry.Property(nameof(Protein.Aliases));
        object?[] lists = entry.State == EntityState.Added ? [aliases.CurrentValue] : [aliases.CurrentValue, aliases.OriginalValue];
        into.UnionWith(lists.OfType<IEnumerable<string>>().SelectMany(a => a));
    }

    private static void AddRow<T>(ISet<string> resources, string family, EntityEntry entry, string property)
        where T : notnull
    {
        var values = new HashSet<T>();
        AddValues(entry, property, values);
        foreach (var value in values)
        {
            resources.Add(ResourceNames.Row(family, value));
        }
    }

    /// <summary>
    /// Adds a property's original and current values (both, so moves touch old and new parent).
    /// Temporary values (keys of rows not yet inserted) name no existing page and are skipped; a null
    /// (no parent) names none either. A value of another type than the set's would be a link lost: it throws.
    /// </summary>
    private static void AddValues<T>(EntityEntry entry, string property, ISet<T> into)
    {
        var propertyEntry = entry.Property(property);
        if (propertyEntry.IsTemporary)
        {
            return;
        }

        Add(propertyEntry.CurrentValue);
        if (entry.State != EntityState.Added)
        {
            Add(propertyEntry.OriginalValue);
        }

        void Add(object? value)
        {
            switch (value)
            {
                case null:
                    break;
                case T typed:
                    into.Add(typed);
                    break;
                default:
                    throw new InvalidOperationException($"CacheDependencies reads {entry.Metadata.DisplayName()}.{property} as {typeof(T).Name}, but it is {value.GetType().Name}.");
            }
        }
    }
}
