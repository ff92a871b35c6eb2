using FPbase.Caching;
using FPbase.Data.Entities;
using FPbase.Data.Popularity;
using FPbase.Data.Revisions;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Tests.Caching;

/// <summary>
/// The dependency map, one row per rule: a change to one row of a small, known graph (in SQLite, in memory) touches
/// exactly these resources. The map runs as the interceptors run it: the entries' own resources, the links looked up
/// before the write, and again after its commit on a context of its own.
/// </summary>
public sealed class CacheDependenciesTests
{
    // EGFP (organism 1, primary reference 1, alias "enhanced GFP") is mCherry's lineage parent; mCherry cites
    // reference 2 and has bleach measurement 1 (reference 1); excerpt 1 (reference 2) is about "other" and names mCherry.
    private static readonly string[] Egfp = ["protein:egfp", "protein:aaaaa"];
    private static readonly string[] Mcherry = ["protein:mcherry", "protein:bbbbb"];
    private static readonly string[] Other = ["protein:other", "protein:ccccc"];
    private static readonly string[] Reference1 = ["reference:1", "reference:10.1000/one"];
    private static readonly string[] Reference2 = ["reference:2", "reference:10.1000/two"];
    private const string Dye = "dye:alexa-488";
    private const string Microscope1 = "microscope:mic-one";

    public delegate Task Change(FpbaseDbContext db);

    public static TheoryData<string, Change, string[]> Rules => new()
    {
        { "rename a protein: its lists, its slug, uuid and alias, its lineage neighbours", async db => (await db.Proteins.FindAsync(1))!.Name = "EGFP2",
            [CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Lineage, .. Egfp, "protein:enhanced-gfp", .. Mcherry] },
        { "rename a protein an excerpt names: the pages that show the excerpt (its link changes)", async db => (await db.Proteins.FindAsync(2))!.Name = "mCherry2",
            [CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Lineage, .. Mcherry, .. Egfp, .. Other, .. Reference2] },
        { "edit anything else of a protein an excerpt names: not the excerpt's pages", async db => (await db.Proteins.FindAsync(2))!.Blurb = "Red.",
            [CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Lineage, .. Mcherry, .. Egfp] },
        { "add a protein whose name an excerpt mentions: the excerpt's pages", db => Add(db, new Protein { Id = 9, Name = "brighter", Slug = "brighter", Uuid = "DDDDD" }),
            [CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Lineage, "protein:brighter", "protein:ddddd", .. Other, .. Reference2] },
        { "change a protein's slug: the old and the new", async db => (await db.Proteins.FindAsync(3))!.Slug = "renamed",
            [CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Lineage, .. Other, "protein:renamed"] },
        { "edit a state", async db => (await db.States.FindAsync(1))!.Name = "bright",
            [CacheDependencies.Spectra, CacheDependencies.Proteins, .. Egfp] },
        { "edit a protein's spectrum", async db => (await db.Spectra.FindAsync(1))!.PeakWave = 510,
            [CacheDependencies.Spectra, "spectrum:1", .. Egfp] },
        { "move a spectrum to another protein's state: both pages", async db => (await db.Spectra.FindAsync(1))!.OwnerFluorId = 3,
            [CacheDependencies.Spectra, "spectrum:1", .. Egfp, .. Other] },
        { "edit a pending spectrum: nothing", async db => (await Pending(db)).PeakWave = 500,
            [] },
        { "approve a pending spectrum", async db => (await Pending(db)).Status = SpectrumStatus.Approved,
            [CacheDependencies.Spectra, "spectrum:2", .. Egfp] },
        { "edit a dye state", async db => (await db.DyeStates.FindAsync(4))!.Name = "bound",
            [CacheDependencies.Spectra, CacheDependencies.Dyes, Dye] },
        { "rename a dye", async db => (await db.Dyes.FindAsync(1))!.Name = "Alexa 488!",
            [CacheDependencies.Dyes, CacheDependencies.Spectra, Dye] },
        { "edit a dye's spectrum", async db => (await db.Spectra.FindAsync(3))!.PeakWave = 520,
            [CacheDependencies.Spectra, "spectrum:3", Dye] },
        { "rename a filter: the microscopes whose configs place it", async db => (await db.Filters.FindAsync(10))!.Name = "ET525/50",
            [CacheDependencies.Filters, CacheDependencies.Spectra, CacheDependencies.OpticalConfigs, CacheDependencies.Microscopes, Microscope1] },
        { "rename a light", async db => (await db.Lights.FindAsync(11))!.Name = "LED",
            [CacheDependencies.Lights, CacheDependencies.Spectra, CacheDependencies.OpticalConfigs, CacheDependencies.Microscopes, Microscope1] },
        { "rename a camera", async db => (await db.Cameras.FindAsync(12))!.Name = "sCMOS",
            [CacheDependencies.Cameras, CacheDependencies.Spectra, CacheDependencies.OpticalConfigs, CacheDependencies.Microscopes, Microscope1] },
        { "rename a microscope", async db => (await db.Microscopes.FindAsync("Mic-One"))!.Name = "Scope",
            [CacheDependencies.Microscopes, CacheDependencies.OpticalConfigs, Microscope1] },
        { "rename an optical config", async db => (await db.OpticalConfigs.FindAsync(1))!.Name = "GFP cube",
            [CacheDependencies.OpticalConfigs, CacheDependencies.Microscopes, Microscope1] },
        { "edit a filter placement", async db => (await db.FilterPlacements.FindAsync(1))!.Reflects = true,
            [CacheDependencies.OpticalConfigs, CacheDependencies.Microscopes, Microscope1] },
        { "give a microscope an extra light", async db => (await db.Microscopes.Include(m => m.ExtraLights).SingleAsync(m => m.Id == "Mic-Two")).ExtraLights.Add((await db.Lights.FindAsync(11))!),
            [CacheDependencies.Microscopes, "microscope:mic-two"] },
        { "give a microscope an extra camera", async db => (await db.Microscopes.Include(m => m.ExtraCameras).SingleAsync(m => m.Id == "Mic-Two")).ExtraCameras.Add((await db.Cameras.FindAsync(12))!),
            [CacheDependencies.Microscopes, "microscope:mic-two"] },
        { "rename an organism: its proteins' pages", async db => (await db.Organisms.FindAsync(1))!.CommonName = "jellyfish",
            [CacheDependencies.Organisms, CacheDependencies.Proteins, .. Egfp] },
        { "edit a lineage node: its protein and its parent's", async db => (await db.Lineages.FindAsync(2))!.Mutation = "K2R",
            [CacheDependencies.Lineage, .. Mcherry, .. Egfp] },
        { "edit a reference: its pages and the proteins citing it (primary reference, bleach measurement)", async db => (await db.References.FindAsync(1))!.Title = "New title",
            [CacheDependencies.References, .. Reference1, .. Egfp, .. Mcherry] },
        { "rename an author: their references", async db => (await db.Authors.FindAsync(1))!.FamilyName = "Tsien",
            [CacheDependencies.References, .. Reference1, .. Egfp, .. Mcherry] },
        { "add an author to a reference: proteins citing it and those its excerpts are about", db => Add(db, new ReferenceAuthor { ReferenceId = 2, AuthorId = 1, Order = 1 }),
            [CacheDependencies.References, .. Reference2, .. Mcherry, .. Other] },
        { "stop citing a reference: its pages and the protein's", async db => db.ProteinReferences.Remove(await db.ProteinReferences.SingleAsync()),
            [CacheDependencies.References, CacheDependencies.Proteins, .. Reference2, .. Mcherry] },
        { "edit an excerpt: its reference's pages and the proteins it is about", async db => (await db.Excerpts.FindAsync(1))!.Content = "Shorter.",
            [CacheDependencies.References, .. Reference2, .. Other] },
        { "add a protein to an excerpt", async db => (await db.Excerpts.Include(e => e.Proteins).SingleAsync()).Proteins.Add((await db.Proteins.FindAsync(1))!),
            [CacheDependencies.References, .. Reference2, .. Other, .. Egfp] },
        { "edit a bleach measurement: its state's protein", async db => (await db.BleachMeasurements.FindAsync(1))!.Rate = 2,
            [CacheDependencies.Proteins, .. Mcherry] },
        { "edit a state transition", async db => (await db.StateTransitions.FindAsync(1))!.TransWave = 405,
            [CacheDependencies.Proteins, .. Egfp] },
        { "edit an OSER measurement", async db => (await db.OserMeasurements.FindAsync(1))!.Percent = 90,
            [CacheDependencies.Proteins, .. Egfp] },
        { "count a protein's page views: the popular proteins only", db => Add(db, new ProteinView { ProteinId = 1, Day = new DateOnly(2026, 12, 2), Count = 3 }),
            [CacheDependencies.Popular] },
        { "record a revision: only the protein's pages", db => Add(db, new ProteinRevision { ProteinId = 2, Action = "edit", UserName = "editor" }),
            [.. Mcherry] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task AChangeTouchesExactlyTheseResources(string change, Change apply, string[] expected)
    {
        using var database = new SqliteTestDatabase();
        await SeedAsync(database);

        Assert.Equal(expected.Order(StringComparer.Ordinal), await TouchedAsync(database, apply), StringComparer.Ordinal);
        Assert.NotEmpty(change);
    }

    [Theory]
    [InlineData(typeof(Protein), new[] { CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Lineage, "protein:*" })]
    [InlineData(typeof(Spectrum), new[] { CacheDependencies.Spectra, "dye:*", "protein:*", "spectrum:*" })]
    [InlineData(typeof(OpticalConfig), new[] { CacheDependencies.OpticalConfigs, CacheDependencies.Microscopes, "microscope:*" })]
    [InlineData(typeof(ProteinRevision), new[] { "protein:*" })]
    [InlineData(typeof(ProteinView), new[] { CacheDependencies.Popular })]
    public void ASetBasedWriteTouchesTheListsAndWholeFamiliesOfItsTable(Type entity, string[] expected)
    {
        using var database = new SqliteTestDatabase();
        using var db = database.CreateContext();
        var resources = new HashSet<string>();
        new CacheDependencies().CollectForTable(db.Model.FindEntityType(entity)!, resources);
        Assert.Equal(expected.Order(StringComparer.Ordinal), resources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryEntityOfTheModelHasARuleAndAccountEntitiesTouchNothing()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.CreateContext();
        var map = new CacheDependencies();
        // The outbox belongs to the caching machinery, which never passes its rows to the map.
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => e.ClrType.Assembly != typeof(CacheResourcesAttribute).Assembly))
        {
            var resources = new HashSet<string>();
            map.CollectForTable(entityType, resources); // throws for an entity without a rule
            if (entityType.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true
                || entityType.ClrType.Namespace == typeof(Identity.ApiToken).Namespace)
            {
                Assert.True(resources.Count == 0, $"{entityType.Name} touches {string.Join(", ", resources)}");
            }
        }
    }

    private static Task<Spectrum> Pending(FpbaseDbContext db) => db.Spectra.IgnoreQueryFilters().SingleAsync(s => s.Id == 2);

    private static Task Add(FpbaseDbContext db, object entity)
    {
        db.Add(entity);
        return Task.CompletedTask;
    }

    /// <summary>What the interceptors would bump for the change: looked up before it is saved and after.</summary>
    private static async Task<List<string>> TouchedAsync(SqliteTestDatabase database, Change apply)
    {
        var map = new CacheDependencies();
        var resources = new HashSet<string>(StringComparer.Ordinal);
        IResourceLinks? links;
        await using (var db = database.CreateContext())
        {
            await apply(db);
            db.ChangeTracker.DetectChanges();
            var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
            Assert.NotEmpty(changed);
            links = map.Collect(changed, resources);
            if (links is not null)
            {
                await links.ResolveAsync(db, resources, default);
            }

            await db.SaveChangesAsync();
        }

        if (links is not null)
        {
            await using var committed = database.CreateContext();
            await links.ResolveAsync(committed, resources, default);
        }

        return resources.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task SeedAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateContext();
        var organism = new Organism { Id = 1, ScientificName = "Aequorea victoria" };
        var reference1 = new Reference { Id = 1, Doi = "10.1000/ONE", Title = "One" };
        var reference2 = new Reference { Id = 2, Doi = "10.1000/two", Title = "Two" };
        var author = new Author { Id = 1, FamilyName = "Shaner" };
        db.AddRange(organism, reference1, reference2, author, new ReferenceAuthor { Reference = reference1, Author = author, Order = 0 });

        var egfp = new Protein { Id = 1, Name = "EGFP", Slug = "egfp", Uuid = "AAAAA", Aliases = ["enhanced GFP"], ParentOrganism = organism, PrimaryReference = reference1 };
        var mcherry = new Protein { Id = 2, Name = "mCherry", Slug = "mcherry", Uuid = "BBBBB" };
        var other = new Protein { Id = 3, Name = "Other", Slug = "other", Uuid = "CCCCC" };
        var egfpState = new State { Id = 1, Slug = "egfp_default", Protein = egfp };
        var mcherryState = new State { Id = 2, Slug = "mcherry_default", Protein = mcherry };
        var otherState = new State { Id = 3, Slug = "other_default", Protein = other };
        db.AddRange(egfp, mcherry, other, egfpState, mcherryState, otherState);
        db.Add(new Spectrum { Id = 1, OwnerFluor = egfpState, MinWave = 400, MaxWave = 401, Values = [0, 1] });
        db.Add(new Spectrum { Id = 2, OwnerFluor = egfpState, MinWave = 400, MaxWave = 401, Values = [0, 1], Status = SpectrumStatus.Pending });
        db.Add(new BleachMeasurement { Id = 1, State = mcherryState, Rate = 1, Reference = reference1 });
        db.Add(new StateTransition { Id = 1, Protein = egfp, FromState = egfpState, ToState = egfpState });
        db.Add(new OserMeasurement { Id = 1, Protein = egfp });
        db.Add(new ProteinReference { Protein = mcherry, Reference = reference2 });
        db.Add(new Excerpt { Id = 1, Content = "About other, brighter than mCherry.", Reference = reference2, Proteins = [other] });
        var root = new Lineage { Id = 1, Protein = egfp };
        db.AddRange(root, new Lineage { Id = 2, Protein = mcherry, Parent = root, RootNode = root });

        var dye = new Dye { Id = 1, Name = "Alexa 488", Slug = "alexa-488" };
        var dyeState = new DyeState { Id = 4, Slug = "alexa-488_default", Dye = dye };
        db.AddRange(dye, dyeState, new Spectrum { Id = 3, OwnerFluor = dyeState, MinWave = 400, MaxWave = 401, Values = [0, 1] });

        var filter = new Filter { Id = 10, Name = "ET525/50m", Slug = "et525-50m" };
        var light = new Light { Id = 11, Name = "Lamp", Slug = "lamp" };
        var camera = new Camera { Id = 12, Name = "CCD", Slug = "ccd" };
        var config = new OpticalConfig { Id = 1, Name = "GFP", Microscope = new Microscope { Id = "Mic-One", Name = "One" }, Light = light, Camera = camera };
        db.AddRange(filter, light, camera, config, new FilterPlacement { Id = 1, Filter = filter, Config = config });
        db.Add(new Microscope { Id = "Mic-Two", Name = "Two" });
        await db.SaveChangesAsync();
    }
}
