using FPbase.Data.Entities;
using FPbase.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Tests;

/// <summary>Created and Modified come from the context's TimeProvider, never from the machine's clock directly.</summary>
public sealed class TimestampTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly SteppedTimeProvider _clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public async Task AnAddedRowGetsTheClocksTimeAndAnUpdateOnlyANewModified()
    {
        var first = _clock.GetUtcNow().UtcDateTime;
        await using (var db = _database.CreateContext(_clock))
        {
            db.Add(new Organism { Id = 77, ScientificName = "Discosoma sp.", Genus = "Discosoma", Species = "sp." });
            await db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromHours(5));
        await using (var db = _database.CreateContext(_clock))
        {
            var organism = await db.Organisms.SingleAsync(o => o.Id == 77);
            Assert.Equal(first, organism.Created);
            Assert.Equal(first, organism.Modified);
            organism.CommonName = "mushroom anemone";
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext(_clock))
        {
            var organism = await db.Organisms.SingleAsync(o => o.Id == 77);
            Assert.Equal(first, organism.Created);
            Assert.Equal(first.AddHours(5), organism.Modified);
        }
    }

    [Fact]
    public async Task TimesSetByTheCallerAreKeptAndCreatedOnlyRowsAreStampedToo()
    {
        var imported = new DateTime(2018, 2, 12, 0, 0, 0, DateTimeKind.Utc);
        await using var db = _database.CreateContext(_clock);
        var organism = new Organism { Id = 78, ScientificName = "Aequorea victoria", Genus = "Aequorea", Species = "victoria", Created = imported, Modified = imported.AddDays(1) };
        var user = new ApplicationUser { UserName = "clock", NormalizedUserName = "CLOCK" };
        db.AddRange(organism, user);
        await db.SaveChangesAsync();

        Assert.Equal(imported, organism.Created);
        Assert.Equal(imported.AddDays(1), organism.Modified);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, user.Created);
    }

    public void Dispose() => _database.Dispose();

    private sealed class SteppedTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
