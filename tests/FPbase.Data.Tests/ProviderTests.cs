using FPbase.Data.Entities;
using FPbase.Data.Popularity;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Tests;

/// <summary>Model and constraint tests run against both providers.</summary>
public abstract class ProviderTests
{
    protected abstract FpbaseDbContext CreateContext();

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    private static async Task<State> AddStateAsync(FpbaseDbContext db)
    {
        var name = Unique("mTest");
        var protein = new Protein { Name = name, Slug = name.ToLowerInvariant(), Uuid = Unique("")[..5].ToUpperInvariant(), Status = ProteinStatus.Approved };
        var state = new State { Protein = protein, Name = "default", Slug = $"{protein.Slug}_default", ExMax = 488, EmMax = 507, OwnerName = name, OwnerSlug = protein.Slug };
        db.Add(state);
        await db.SaveChangesAsync();
        return state;
    }

    [Fact]
    public async Task ProteinWithStatesRoundTrips()
    {
        int proteinId;
        var name = Unique("mRound");
        await using (var db = CreateContext())
        {
            var organism = new Organism { Id = Random.Shared.Next(5_000_000, 9_000_000), ScientificName = "Aequorea victoria", Genus = "Aequorea", Species = "victoria" };
            var protein = new Protein
            {
                Name = name,
                Slug = name.ToLowerInvariant(),
                Uuid = Unique("")[..5].ToUpperInvariant(),
                Aliases = ["alias one", "alias two"],
                Pdb = ["2Y0G", "4EUL"],
                Agg = Aggregation.WeakDimer,
                SwitchType = SwitchType.Photoconvertible,
                Status = ProteinStatus.Approved,
                Seq = "MVSKGEELFTGVV",
                ParentOrganism = organism,
            };
            var green = new State { Protein = protein, Name = "green", Slug = $"{protein.Slug}_green", ExMax = 488, EmMax = 507, ExtCoeff = 55900, Qy = 0.6 };
            var red = new State { Protein = protein, Name = "red", Slug = $"{protein.Slug}_red", ExMax = 587, EmMax = 610, ExtCoeff = 72000, Qy = 0.22 };
            db.AddRange(green, red);
            await db.SaveChangesAsync();

            // the circular FK is set once both rows exist
            protein.DefaultState = green;
            await db.SaveChangesAsync();
            proteinId = protein.Id;
        }

        await using (var db = CreateContext())
        {
            var protein = await db.Proteins.Include(p => p.States).Include(p => p.DefaultState).Include(p => p.ParentOrganism)
                .SingleAsync(p => p.Id == proteinId);
            Assert.Equal(["alias one", "alias two"], protein.Aliases);
            Assert.Equal(["2Y0G", "4EUL"], protein.Pdb);
            Assert.Equal(Aggregation.WeakDimer, protein.Agg);
            Assert.Equal(SwitchType.Photoconvertible, protein.SwitchType);
            Assert.Equal("Aequorea victoria", protein.ParentOrganism!.ScientificName);
            Assert.Equal("green", protein.DefaultState!.Name);
            Assert.Equal(2, protein.States.Count);
            var red = protein.States.Single(s => s.Name == "red");
            Assert.Equal(15.84, red.Brightness);
            Assert.Equal("#ff4600", red.ExHex);
            Assert.Equal("#f70000", red.EmHex);

            // codes are what is stored
            var agg = await db.Database.SqlQuery<string>($"SELECT agg AS \"Value\" FROM proteins WHERE id = {proteinId}").SingleAsync();
            Assert.Equal("wd", agg);
        }
    }

    [Fact]
    public async Task SpectrumValuesRoundTripAsFloat32()
    {
        float[] values = [0.0962f, 0.0872f, 0.5f, 1f, 0.333333f, 1e-6f, 0f];
        int id;
        await using (var db = CreateContext())
        {
            var state = await AddStateAsync(db);
            var spectrum = new Spectrum { Category = SpectrumCategory.Protein, Subtype = SpectrumSubtype.Excitation, OwnerFluorId = state.Id };
            spectrum.SetData(480, values);
            db.Add(spectrum);
            await db.SaveChangesAsync();
            id = spectrum.Id;
        }

        await using (var db = CreateContext())
        {
            var spectrum = await db.Spectra.Include(s => s.OwnerFluor).SingleAsync(s => s.Id == id);
            Assert.Equal(values, spectrum.Values);
            Assert.Equal(480, spectrum.MinWave);
            Assert.Equal(486, spectrum.MaxWave);
            Assert.Equal(483, spectrum.PeakWave);
            Assert.IsType<State>(spectrum.OwnerFluor);

            // in-place changes are detected by the value comparer
            spectrum.Values[0] = 0.25f;
            db.ChangeTracker.DetectChanges();
            Assert.Equal(EntityState.Modified, db.Entry(spectrum).State);
        }
    }

    [Fact]
    public async Task ReferencesAndAuthorsComeBackInOrder()
    {
        int proteinId;
        int referenceId;
        await using (var db = CreateContext())
        {
            var state = await AddStateAsync(db);
            proteinId = state.ProteinId;
            var reference = new Reference { Doi = $"10.1234/{Unique("ORDER")}", Title = "Ordered", Year = 2019 };
            var names = new[] { "Lambert", "Shaner", "Tsien", "Ai" };
            for (var i = 0; i < names.Length; i++)
            {
                reference.ReferenceAuthors.Add(new ReferenceAuthor { Order = i, Author = new Author { FamilyName = names[i], Initials = "X" } });
            }

            reference.UpdateCitation(names);
            var other = new Reference { Doi = $"10.1234/{Unique("OTHER")}", Title = "Other", Year = 2020 };
            db.AddRange(
                new ProteinReference { ProteinId = proteinId, Reference = reference },
                new ProteinReference { ProteinId = proteinId, Reference = other });
            await db.SaveChangesAsync();
            referenceId = reference.Id;
        }

        await using (var db = CreateContext())
        {
            var reference = await db.References.Include(r => r.ReferenceAuthors.OrderBy(ra => ra.Order)).ThenInclude(ra => ra.Author)
                .SingleAsync(r => r.Id == referenceId);
            Assert.Equal(["Lambert", "Shaner", "Tsien", "Ai"], reference.ReferenceAuthors.Select(ra => ra.Author.FamilyName));
            Assert.Equal("Lambert et al. (2019)", reference.Citation);
            Assert.StartsWith("10.1234/order", reference.Doi, StringComparison.Ordinal);

            var protein = await db.Proteins.Include(p => p.ProteinReferences).ThenInclude(pr => pr.Reference).SingleAsync(p => p.Id == proteinId);
            Assert.Equal(2, protein.ProteinReferences.Count);
            Assert.Contains(protein.ProteinReferences, pr => pr.Reference.Title == "Other");
        }
    }

    [Fact]
    public async Task DatabaseRejectsSpectrumWithTwoOwners()
    {
        await using var db = CreateContext();
        var state = await AddStateAsync(db);
        var filter = new Filter();
        filter.ApplyName($"Chroma {Unique("ET")}525/50m");
        db.Add(filter);
        await db.SaveChangesAsync();

        var spectrum = new Spectrum { Category = SpectrumCategory.Protein, Subtype = SpectrumSubtype.Emission, OwnerFluorId = state.Id, OwnerFilterId = filter.Id };
        spectrum.SetData(500, [0.5f, 1f, 0.5f]);
        db.Add(spectrum);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DatabaseRejectsSpectrumWithoutOwner()
    {
        await using var db = CreateContext();
        var spectrum = new Spectrum { Category = SpectrumCategory.Light, Subtype = SpectrumSubtype.PowerDistribution };
        spectrum.SetData(500, [1f]);
        db.Add(spectrum);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DatabaseRejectsInvalidCategorySubtypePair()
    {
        await using var db = CreateContext();
        var state = await AddStateAsync(db);
        var spectrum = new Spectrum { Category = SpectrumCategory.Protein, Subtype = SpectrumSubtype.Bandpass, OwnerFluorId = state.Id };
        spectrum.SetData(500, [0.5f, 1f, 0.5f]);
        db.Add(spectrum);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task PendingSpectraAreExcludedByTheGlobalFilter()
    {
        int stateId;
        await using (var db = CreateContext())
        {
            var state = await AddStateAsync(db);
            stateId = state.Id;
            foreach (var (subtype, status) in new[] { (SpectrumSubtype.Excitation, SpectrumStatus.Approved), (SpectrumSubtype.Emission, SpectrumStatus.Pending), (SpectrumSubtype.Absorption, SpectrumStatus.Rejected) })
            {
                var spectrum = new Spectrum { Category = SpectrumCategory.Protein, Subtype = subtype, Status = status, OwnerFluorId = stateId };
                spectrum.SetData(450, [0.2f, 1f, 0.2f]);
                db.Add(spectrum);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = CreateContext())
        {
            Assert.Equal(1, await db.Spectra.CountAsync(s => s.OwnerFluorId == stateId));
            Assert.Equal(3, await db.Spectra.IgnoreQueryFilters().CountAsync(s => s.OwnerFluorId == stateId));
            var state = await db.FluorescentStates.Include(s => s.Spectra).SingleAsync(s => s.Id == stateId);
            Assert.Equal([SpectrumSubtype.Excitation], state.Spectra.Select(s => s.Subtype));
        }
    }

    [Fact]
    public async Task ModifiedIsRefreshedOnUpdate()
    {
        await using var db = CreateContext();
        var state = await AddStateAsync(db);
        var protein = await db.Proteins.SingleAsync(p => p.Id == state.ProteinId);
        var before = protein.Modified;
        await Task.Delay(20);
        protein.Blurb = "changed";
        await db.SaveChangesAsync();
        Assert.True(protein.Modified > before);
    }

    [Fact]
    public async Task PageViewsAddUpPerDayAndTheMostViewedVisibleProteinsComeFirst()
    {
        State a, b, hidden;
        await using (var db = CreateContext())
        {
            a = await AddStateAsync(db);
            b = await AddStateAsync(db);
            hidden = await AddStateAsync(db);
            hidden.Protein.Status = ProteinStatus.Hidden;
            await db.SaveChangesAsync();
        }

        await using (var db = CreateContext())
        {
            var first = new Dictionary<string, long> { [a.Protein.Slug] = 2, [b.Protein.Uuid.ToLowerInvariant()] = 1, [hidden.Protein.Slug] = 3, ["no-such-protein"] = 50 };
            Assert.Equal(6, await ProteinViews.AddAsync(db, first, default));
            Assert.Equal(4, await ProteinViews.AddAsync(db, new Dictionary<string, long> { [b.Protein.Slug] = 4 }, default));
        }

        await using (var db = CreateContext())
        {
            // Two days: the writes and this read may fall on either side of midnight (UTC).
            var top = await ProteinViews.TopAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), days: 2, take: 1000, default);
            string[] mine = [a.Protein.Slug, b.Protein.Slug, hidden.Protein.Slug];
            Assert.Equal([(b.Protein.Slug, 5L), (a.Protein.Slug, 2L)], top.Where(p => mine.Contains(p.Slug)).Select(p => (p.Slug, p.Views)));
        }
    }
}

public sealed class SqliteProviderTests : ProviderTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override FpbaseDbContext CreateContext() => _database.CreateContext();

    public void Dispose() => _database.Dispose();
}

public sealed class PostgresProviderTests(PostgresTestDatabase database) : ProviderTests, IClassFixture<PostgresTestDatabase>
{
    protected override FpbaseDbContext CreateContext() => database.CreateContext();
}
