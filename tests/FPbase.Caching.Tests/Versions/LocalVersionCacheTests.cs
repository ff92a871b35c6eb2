using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;

namespace FPbase.Caching.Tests.Versions;

public sealed class LocalVersionCacheTests
{
    private const string Epoch = "run-repl:epoch";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    private LocalVersionCache Leased(TimeSpan lease)
    {
        var cache = new LocalVersionCache(_clock);
        cache.Extend(_clock.GetTimestamp() + lease.Ticks, Epoch);
        return cache;
    }

    private LocalVersionCache Trusted() => Leased(TimeSpan.FromMinutes(1));

    [Fact]
    public void AStoredReadIsAnsweredWithTheSameStampTheStoreWouldBuild()
    {
        var cache = Trusted();
        cache.Store(cache.Generation, Epoch, ["a", "b"], ["ta", "tb"]);

        Assert.True(cache.TryGetStamp(["a", "b"], out var stamp));
        Assert.Equal(VersionStamp.Create(Epoch, ["ta", "tb"]), stamp);
        Assert.True(cache.TryGetStamp(["b"], out var single));
        Assert.Equal(VersionStamp.Create(Epoch, ["tb"]), single);
        Assert.False(cache.TryGetStamp(["a", "c"], out _));
    }

    [Fact]
    public void TheCopyHoldsAtMostItsLimitAndForgetsRatherThanGrows()
    {
        var cache = new LocalVersionCache(_clock, maxEntries: 100);
        cache.Extend(_clock.GetTimestamp() + TimeSpan.FromMinutes(1).Ticks, Epoch);
        for (var i = 0; i < 1000; i++)
        {
            cache.Store(cache.Generation, Epoch, [$"r{i}"], [$"t{i}"]);
            Assert.True(cache.Count <= 100, $"The copy holds {cache.Count} entries, over its limit of 100.");
        }

        // What it still holds it answers correctly; what it forgot is read from the store again.
        Assert.True(cache.TryGetStamp(["r999"], out var stamp));
        Assert.Equal(VersionStamp.Create(Epoch, ["t999"]), stamp);
        Assert.False(cache.TryGetStamp(["r0"], out _));
    }

    [Fact]
    public void AStoreWhoseReadStartedBeforeAnInvalidateIsIgnored()
    {
        var cache = Trusted();
        var generationAtRead = cache.Generation;

        // A bump notification arrives while the read is in flight (for any resource).
        cache.Invalidate(["something-else"]);
        cache.Store(generationAtRead, Epoch, ["a"], ["old"]);

        Assert.False(cache.TryGetStamp(["a"], out _));

        cache.Store(cache.Generation, Epoch, ["a"], ["new"]);
        Assert.True(cache.TryGetStamp(["a"], out var stamp));
        Assert.Equal(VersionStamp.Create(Epoch, ["new"]), stamp);
    }

    [Fact]
    public void InvalidateDropsOnlyTheNamedResources()
    {
        var cache = Trusted();
        cache.Store(cache.Generation, Epoch, ["a", "b"], ["ta", "tb"]);

        cache.Invalidate(["a"]);

        Assert.False(cache.TryGetStamp(["a"], out _));
        Assert.False(cache.TryGetStamp(["a", "b"], out _));
        Assert.True(cache.TryGetStamp(["b"], out _));
    }

    [Fact]
    public void WithoutALeaseTheCopyNeitherStoresNorAnswers()
    {
        var cache = new LocalVersionCache(_clock);
        Assert.False(cache.IsTrusted);

        cache.Store(cache.Generation, Epoch, ["a"], ["ta"]);

        Assert.False(cache.TryGetStamp(["a"], out _));
    }

    [Fact]
    public void TheCopyStopsAnsweringTheMomentItsLeaseRunsOutWithNoTimerNeeded()
    {
        var cache = Leased(TimeSpan.FromSeconds(2));
        cache.Store(cache.Generation, Epoch, ["a"], ["ta"]);
        Assert.True(cache.TryGetStamp(["a"], out _));

        _clock.Advance(TimeSpan.FromSeconds(1.999));
        Assert.True(cache.TryGetStamp(["a"], out _));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.IsTrusted);
        Assert.False(cache.TryGetStamp(["a"], out _));

        // A renewal extends it again; the copy kept its entries for the same state.
        cache.Extend(_clock.GetTimestamp() + TimeSpan.FromSeconds(2).Ticks, Epoch);
        Assert.True(cache.TryGetStamp(["a"], out _));
    }

    [Fact]
    public void AnOlderRenewalNeverShortensALongerLease()
    {
        var cache = Leased(TimeSpan.FromSeconds(2));
        cache.Extend(_clock.GetTimestamp() + TimeSpan.FromSeconds(1).Ticks, Epoch);

        _clock.Advance(TimeSpan.FromSeconds(1.5));

        Assert.True(cache.IsTrusted);
    }

    [Fact]
    public void ARenewalOrReadFromAnotherStateOfTheStoreEmptiesTheCopy()
    {
        var cache = Trusted();
        cache.Store(cache.Generation, Epoch, ["a", "b"], ["ta", "tb"]);

        // Redis was flushed, restarted or failed over: its state id changed.
        cache.Extend(_clock.GetTimestamp() + TimeSpan.FromMinutes(1).Ticks, "other-run:epoch2");
        Assert.False(cache.TryGetStamp(["a"], out _));

        cache.Store(cache.Generation, "other-run:epoch2", ["a"], ["ta2"]);
        Assert.True(cache.TryGetStamp(["a"], out var stamp));
        Assert.Equal(VersionStamp.Create("other-run:epoch2", ["ta2"]), stamp);

        // A read that reports yet another state replaces the copy again: tokens never mix states.
        cache.Store(cache.Generation, "third:epoch3", ["b"], ["tb3"]);
        Assert.False(cache.TryGetStamp(["a"], out _));
        Assert.True(cache.TryGetStamp(["b"], out stamp));
        Assert.Equal(VersionStamp.Create("third:epoch3", ["tb3"]), stamp);
    }

    [Fact]
    public void DistrustForgetsEverythingEndsTheLeaseAndAReadFromBeforeCannotFillTheNextCopy()
    {
        var cache = Trusted();
        var generationAtRead = cache.Generation;
        cache.Store(generationAtRead, Epoch, ["a"], ["ta"]);

        cache.Distrust();
        Assert.False(cache.IsTrusted);
        Assert.False(cache.TryGetStamp(["a"], out _));

        cache.Extend(_clock.GetTimestamp() + TimeSpan.FromMinutes(1).Ticks, Epoch);
        Assert.True(cache.IsTrusted);
        Assert.False(cache.TryGetStamp(["a"], out _));

        cache.Store(generationAtRead, Epoch, ["a"], ["ta"]);
        Assert.False(cache.TryGetStamp(["a"], out _));
    }
}
