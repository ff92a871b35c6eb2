using FPbase.Caching.Versions;

namespace FPbase.Caching.Tests.Versions;

public sealed class LocalVersionCacheTests
{
    private static LocalVersionCache Trusted()
    {
        var cache = new LocalVersionCache();
        cache.Trust();
        return cache;
    }

    [Fact]
    public void AStoredReadIsAnsweredWithTheSameStampTheStoreWouldBuild()
    {
        var cache = Trusted();
        cache.Store(cache.Generation, "run:epoch", ["a", "b"], ["ta", "tb"]);

        Assert.True(cache.TryGetStamp(["a", "b"], out var stamp));
        Assert.Equal(VersionStamp.Create("run:epoch", ["ta", "tb"]), stamp);
        Assert.True(cache.TryGetStamp(["b"], out var single));
        Assert.Equal(VersionStamp.Create("run:epoch", ["tb"]), single);
        Assert.False(cache.TryGetStamp(["a", "c"], out _));
    }

    [Fact]
    public void AStoreWhoseReadStartedBeforeAnInvalidateIsIgnored()
    {
        var cache = Trusted();
        var generationAtRead = cache.Generation;

        // A bump notification arrives while the read is in flight (for any resource).
        cache.Invalidate(["something-else"]);
        cache.Store(generationAtRead, "run:epoch", ["a"], ["old"]);

        Assert.False(cache.TryGetStamp(["a"], out _));

        cache.Store(cache.Generation, "run:epoch", ["a"], ["new"]);
        Assert.True(cache.TryGetStamp(["a"], out var stamp));
        Assert.Equal(VersionStamp.Create("run:epoch", ["new"]), stamp);
    }

    [Fact]
    public void InvalidateDropsOnlyTheNamedResources()
    {
        var cache = Trusted();
        cache.Store(cache.Generation, "run:epoch", ["a", "b"], ["ta", "tb"]);

        cache.Invalidate(["a"]);

        Assert.False(cache.TryGetStamp(["a"], out _));
        Assert.False(cache.TryGetStamp(["a", "b"], out _));
        Assert.True(cache.TryGetStamp(["b"], out _));
    }

    [Fact]
    public void AnUntrustedCopyNeitherStoresNorAnswers()
    {
        var cache = new LocalVersionCache();
        Assert.False(cache.IsTrusted);

        cache.Store(cache.Generation, "run:epoch", ["a"], ["ta"]);

        Assert.False(cache.TryGetStamp(["a"], out _));
    }

    [Fact]
    public void DistrustForgetsEverythingAndATrustAfterwardsStartsEmpty()
    {
        var cache = Trusted();
        var generationAtRead = cache.Generation;
        cache.Store(generationAtRead, "run:epoch", ["a"], ["ta"]);

        cache.Distrust();
        Assert.False(cache.IsTrusted);
        Assert.False(cache.TryGetStamp(["a"], out _));

        cache.Trust();
        Assert.True(cache.IsTrusted);
        Assert.False(cache.TryGetStamp(["a"], out _));

        // A read that started before the distrust cannot fill the new copy either.
        cache.Store(generationAtRead, "run:epoch", ["a"], ["ta"]);
        Assert.False(cache.TryGetStamp(["a"], out _));
    }

    [Fact]
    public void TrustingAnAlreadyTrustedCopyKeepsIt()
    {
        var cache = Trusted();
        cache.Store(cache.Generation, "run:epoch", ["a"], ["ta"]);

        cache.Trust();

        Assert.True(cache.TryGetStamp(["a"], out _));
    }
}
