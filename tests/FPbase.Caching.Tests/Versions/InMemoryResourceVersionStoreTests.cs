using FPbase.Caching.Versions;

namespace FPbase.Caching.Tests.Versions;

/// <summary>The embedded default honours the same contract as Redis.</summary>
public sealed class InMemoryResourceVersionStoreTests
{
    [Fact]
    public async Task StampsAreStableChangeOnlyWhenBumpedAndDifferPerProcess()
    {
        var store = new InMemoryResourceVersionStore();
        var widgets = await store.StampAsync("widgets");
        var gadgets = await store.StampAsync("gadgets");
        Assert.Equal(widgets, await store.StampAsync("widgets"));

        await store.BumpAsync("widgets");

        Assert.NotEqual(widgets, await store.StampAsync("widgets"));
        Assert.Equal(gadgets, await store.StampAsync("gadgets"));

        // A restarted process (a new store) never validates what the old one issued.
        Assert.NotEqual(gadgets, await new InMemoryResourceVersionStore().StampAsync("gadgets"));
    }
}
