using FPbase.Caching.Edge;

namespace FPbase.Caching.Tests.Edge;

/// <summary>Resource names as xkey keys: one token each, never two names for one key, purges in bounded batches.</summary>
public sealed class EdgeKeysTests
{
    [Theory]
    [InlineData("protein:egfp", "protein:egfp")]
    [InlineData("protein:*", "protein:*")]
    [InlineData("protein:two words", "protein:two%20words")]
    [InlineData("protein:a,b", "protein:a%2Cb")]
    [InlineData("protein:50%", "protein:50%25")]
    [InlineData("protein:ü", "protein:%C3%BC")]
    public void AKeyIsOneTokenOfXkey(string resource, string key) => Assert.Equal(key, EdgeKeys.Encode(resource));

    [Fact]
    public void AnEncodedKeyNeverEqualsAnotherResourcesPlainName()
        => Assert.NotEqual(EdgeKeys.Encode("protein:a b"), EdgeKeys.Encode("protein:a%20b"));

    [Fact]
    public void APurgeOfManyResourcesIsSplitIntoBatchesUnderTheHeaderLimit()
    {
        var resources = Enumerable.Range(0, 2000).Select(i => "spectrum:" + i).ToList();
        var batches = EdgeKeys.Batches(resources);
        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Length <= EdgeKeys.MaxBatchLength));
        Assert.Equal(resources, batches.SelectMany(b => b.Split(' ')));
    }
}
