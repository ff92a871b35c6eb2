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

    [Fact]
    public async Task ReadingResourcesNobodyBumpedStoresNothing()
    {
        // A request names its resources from the URL (/protein/{slug}/): a crawler of made-up slugs must not grow the store.
        var store = new InMemoryResourceVersionStore();
        await store.BumpAsync("widget:1");
        var before = await store.StampAsync("widget:404");
        for (var i = 0; i < 1000; i++)
        {
            await store.StampAsync($"widget:{i + 1000}");
        }

        Assert.Equal(1, store.Count);
        Assert.Equal(before, await store.StampAsync("widget:404"));
        await store.BumpAsync("widget:404");
        Assert.NotEqual(before, await store.StampAsync("widget:404"));
    }
}
