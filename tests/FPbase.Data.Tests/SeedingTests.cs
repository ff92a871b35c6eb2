using System.Diagnostics;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace FPbase.Data.Tests;

/// <summary>Sample import and small seeds, run against both providers.</summary>
public abstract class SeedingTests
{
    protected abstract FpbaseDbContext CreateContext();

    [Fact]
    public async Task SampleImportGivesEgfpAndMcherryThreeSpectraEach()
    {
        await using (var db = CreateContext())
        {
            await DatabaseSeeder.SeedAsync(db, new SeedOptions { Generate = false }, NullLogger.Instance, default);
        }

        await using (var db = CreateContext())
        {
            var egfp = await db.Proteins.Include(p => p.DefaultState).ThenInclude(s => s!.Spectra)
                .Include(p => p.ProteinReferences).SingleAsync(p => p.Slug == "egfp");
            Assert.Equal(74, egfp.Id);
            Assert.Equal("R9NL8", egfp.Uuid);
            Assert.Equal(93, egfp.DefaultStateId);
            Assert.Equal("egfp_default", egfp.DefaultState!.Slug);
            Assert.Equal(33.54, egfp.DefaultState.Brightness);
            Assert.Equal("#00f4ff", egfp.DefaultState.ExHex);
            Assert.Equal([17, 18, 173], egfp.DefaultState.Spectra.Select(s => s.Id).Order());
            Assert.Equal(12, egfp.ProteinReferences.Count);
            Assert.Equal(Aggregation.WeakDimer, egfp.Agg);

            var mcherry = await db.Proteins.Include(p => p.DefaultState).ThenInclude(s => s!.Spectra).SingleAsync(p => p.Slug == "mcherry");
            Assert.Equal(ProteinStatus.Pending, mcherry.Status);
            Assert.Equal([79, 80, 158], mcherry.DefaultState!.Spectra.Select(s => s.Id).Order());
            Assert.Equal("#f70000", mcherry.DefaultState.EmHex);

            var twoP = await db.Spectra.SingleAsync(s => s.Id == 158);
            Assert.Equal(740, twoP.MinWave);
            Assert.Equal(1399, twoP.MaxWave);
            Assert.Equal(660, twoP.Values.Length);

            var et525 = await db.Filters.SingleAsync(f => f.Id == 37);
            Assert.Equal("chroma-et525-50m", et525.Slug);
            Assert.Equal(525, et525.Bandcenter);
            Assert.Equal(50, et525.Bandwidth);
            Assert.Equal(425, (await db.Filters.SingleAsync(f => f.Id == 10)).Edge);

            var scope = await db.Microscopes.Include(m => m.OpticalConfigs).ThenInclude(c => c.FilterPlacements)
                .Include(m => m.ExtraLights).SingleAsync(m => m.Id == "wKqWbgApvguSNDSRZNSfpN");
            Assert.Equal(4, scope.OpticalConfigs.Count);
            Assert.Equal([9], scope.ExtraLights.Select(l => l.Id));

            var cormack = await db.References.SingleAsync(r => r.Id == 66);
            Assert.Equal("Cormack et al. (1996)", cormack.Citation);
        }
    }

    [Fact]
    public async Task SmallSeedWorksAndHitsTheRequestedCounts()
    {
        var options = new SeedOptions { Proteins = 30, Spectra = 150 };
        var sw = Stopwatch.StartNew();
        await using (var db = CreateContext())
        {
            await DatabaseSeeder.SeedAsync(db, options, NullLogger.Instance, default);
        }

        await using (var db = CreateContext())
        {
            Assert.Equal(30, await db.Proteins.CountAsync());
            Assert.Equal(150, await db.Spectra.CountAsync());
            Assert.Equal(3, await db.Spectra.IgnoreQueryFilters().CountAsync(s => s.Status == SpectrumStatus.Pending));
            Assert.Equal(await db.Filters.CountAsync(), await db.Spectra.CountAsync(s => s.OwnerFilterId != null));
            Assert.Equal(0, await db.Proteins.CountAsync(p => p.DefaultStateId == null));
            Assert.True(await db.OpticalConfigs.AnyAsync(c => c.FilterPlacements.Count > 0));
            Assert.True(await db.Lineages.AnyAsync(l => l.ParentId != null));

            // identities continue after the explicit ids
            var protein = new Protein { Name = "mNew", Slug = "mnew", Uuid = "ZZZZ9", Status = ProteinStatus.Approved };
            db.Add(protein);
            await db.SaveChangesAsync();
            Assert.True(protein.Id > 352);
        }

        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"small seed took {sw.Elapsed}");
    }
}

public sealed class SqliteSeedingTests : SeedingTests, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override FpbaseDbContext CreateContext() => _database.CreateContext();

    public void Dispose() => _database.Dispose();
}

// one database per test: both tests seed
public sealed class PostgresSeedingTests : SeedingTests, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    protected override FpbaseDbContext CreateContext() => _database.CreateContext();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();
}

public sealed class GeneratorTests
{
    [Fact]
    public void SameSeedGivesSameData()
    {
        var options = new SeedOptions { Proteins = 200, Spectra = 1200 };
        Assert.Equal(Fingerprint(DatabaseSeeder.BuildData(options)), Fingerprint(DatabaseSeeder.BuildData(options)));
        Assert.NotEqual(
            Fingerprint(DatabaseSeeder.BuildData(options)),
            Fingerprint(DatabaseSeeder.BuildData(new SeedOptions { Proteins = 200, Spectra = 1200, RandomSeed = 7 })));
    }

    [Fact]
    public void ALargeSeedHasTheSpectraItAsksForEvenWhenTheDyeNamesRunOut()
    {
        // bench/scale seeds 50,000 and 100,000 spectra: with few proteins, most are dyes', and the name pools hold a
        // few thousand dye names; the generator used to stop there (50,000 asked, 25,958 made).
        var data = DatabaseSeeder.BuildData(new SeedOptions { Proteins = 30, Spectra = 20_000 });

        Assert.Equal(20_000, data.Spectra.Count(s => s.Status == SpectrumStatus.Approved));
        Assert.Equal(data.Dyes.Count, data.Dyes.Select(d => d.Slug).Distinct().Count());
        Assert.Equal(data.States.Count, data.States.Select(s => s.Slug).Distinct().Count());
        Assert.Equal(data.Filters.Count, data.Filters.Select(f => f.Slug).Distinct().Count());
    }

    [Fact]
    public void GeneratedDataIsConsistent()
    {
        var data = DatabaseSeeder.BuildData(new SeedOptions { Proteins = 300, Spectra = 2000 });
        Assert.Equal(data.Proteins.Count, data.Proteins.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(data.Proteins.Count, data.Proteins.Select(p => p.Uuid).Distinct().Count());
        Assert.Equal(data.States.Count, data.States.Select(s => s.Slug).Distinct().Count());
        Assert.Equal(data.Filters.Count, data.Filters.Select(f => f.Slug).Distinct().Count());
        Assert.Equal(data.Spectra.Count, data.Spectra.Select(s => s.Id).Distinct().Count());
        Assert.Equal(2000, data.Spectra.Count(s => s.Status == SpectrumStatus.Approved));
        Assert.Contains(data.Proteins, p => p.Id == 74 && p.Uuid == "R9NL8");

        var states = data.States.ToDictionary(s => s.Id);
        foreach (var s in data.Spectra.Where(s => s.OwnerFluorId is not null && s.Id > 200))
        {
            var state = states[s.OwnerFluorId!.Value];
            Assert.Equal(s.MaxWave - s.MinWave + 1, s.Values.Length);
            switch (s.Subtype)
            {
                case SpectrumSubtype.Excitation:
                    Assert.Equal(state.ExMax, s.PeakWave);
                    Assert.InRange(s.MinWave, 300, 900);
                    Assert.InRange(s.MaxWave, 300, 900);
                    break;
                case SpectrumSubtype.Emission:
                    Assert.Equal(state.EmMax, s.PeakWave);
                    Assert.True(s.PeakWave > state.ExMax);
                    Assert.InRange(s.MaxWave, 300, 900);
                    break;
                case SpectrumSubtype.TwoPhoton:
                    Assert.InRange(s.MinWave, 700, 1100);
                    Assert.InRange(s.MaxWave, 700, 1100);
                    break;
            }

            Assert.Equal(1f, s.Values.Max());
        }

        // at most one approved spectrum per fluorophore and subtype
        Assert.DoesNotContain(
            data.Spectra.Where(s => s.OwnerFluorId is not null && s.Status == SpectrumStatus.Approved).GroupBy(s => (s.OwnerFluorId, s.Subtype)),
            g => g.Count() > 1);
    }

    private static string Fingerprint(SeedData data)
        => JsonSerializer.Serialize(new
        {
            proteins = data.Proteins.Select(p => new { p.Id, p.Name, p.Uuid, p.Seq, p.Created }),
            states = data.States.Select(s => new { s.Id, s.Slug, s.ExMax, s.EmMax, s.Brightness }),
            spectra = data.Spectra.Select(s => new { s.Id, s.OwnerFluorId, s.OwnerFilterId, s.MinWave, sum = s.Values.Sum() }),
            filters = data.Filters.Select(f => f.Name),
            microscopes = data.Microscopes.Select(m => m.Id),
            references = data.References.Select(r => r.Doi),
        });
}

/// <summary>The default-size seed on PostgreSQL: timing and the size of the spectra list.</summary>
public sealed class PostgresDefaultSeedTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task DefaultSeedGivesASpectraListBetweenOneAndOnePointSixMegabytes()
    {
        var sw = Stopwatch.StartNew();
        await using (var db = _database.CreateContext())
        {
            await DatabaseInitializer.InitializeAsync(db, new SeedOptions(), NullLogger.Instance);
        }

        var seedTime = sw.Elapsed;
        await using (var db = _database.CreateContext())
        {
            var rows = await db.Spectra.AsNoTracking().Select(s => new
            {
                s.Id,
                s.Category,
                s.Subtype,
                FluorId = s.OwnerFluorId,
                FluorSlug = s.OwnerFluor!.Slug,
                FluorName = s.OwnerFluor.OwnerName,
                FilterId = s.OwnerFilterId,
                FilterSlug = s.OwnerFilter!.Slug,
                FilterName = s.OwnerFilter.Name,
                FilterUrl = s.OwnerFilter.Url,
                LightId = s.OwnerLightId,
                LightSlug = s.OwnerLight!.Slug,
                LightName = s.OwnerLight.Name,
                LightUrl = s.OwnerLight.Url,
                CameraId = s.OwnerCameraId,
                CameraSlug = s.OwnerCamera!.Slug,
                CameraName = s.OwnerCamera.Name,
                CameraUrl = s.OwnerCamera.Url,
            }).ToListAsync();

            var list = rows.Select(r => new
            {
                id = r.Id,
                category = r.Category.ToCode(),
                subtype = r.Subtype.ToCode(),
                owner = r.FluorId is { } f ? new { id = f, slug = r.FluorSlug, name = r.FluorName, url = "" }
                    : r.FilterId is { } fi ? new { id = fi, slug = r.FilterSlug, name = r.FilterName, url = r.FilterUrl }
                    : r.LightId is { } l ? new { id = l, slug = r.LightSlug, name = r.LightName, url = r.LightUrl }
                    : new { id = r.CameraId!.Value, slug = r.CameraSlug, name = r.CameraName, url = r.CameraUrl },
            }).OrderBy(x => x.owner.name, StringComparer.Ordinal).ToList();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new { data = new { spectra = list } });

            output.WriteLine($"default seed: {seedTime.TotalSeconds:F1} s; {list.Count} approved spectra; spectra list {bytes.Length:N0} bytes");
            Assert.InRange(list.Count, 9_900, 10_100);
            Assert.InRange(bytes.Length, 1_000_000, 1_600_000);
            Assert.Equal(1500, await db.Proteins.CountAsync());
            Assert.InRange(await db.Spectra.IgnoreQueryFilters().CountAsync(s => s.Status == SpectrumStatus.Pending), 150, 250);
        }
    }
}
