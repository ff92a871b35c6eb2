using FPbase.Caching.Http;
using Microsoft.Net.Http.Headers;

namespace FPbase.Caching.Tests.Conditional;

public sealed class EntityTagFactoryTests
{
    private const string Format = "build-1";
    private const string Endpoint = "widgets-list";
    private const string Variant = "?page=2";
    private const string Stamp = "run:epoch.tokenA.tokenB";

    [Fact]
    public void TheSameInputsGiveTheSameHash()
        => Assert.Equal(
            EntityTagFactory.VersionHash(Format, Endpoint, Variant, Stamp, "user:7"),
            EntityTagFactory.VersionHash(Format, Endpoint, Variant, Stamp, "user:7"));

    public static TheoryData<string, string, string, string, string?> OneInputChanged => new()
    {
        { "build-2", Endpoint, Variant, Stamp, null },
        { Format, "gadgets-list", Variant, Stamp, null },
        { Format, Endpoint, "?page=3", Stamp, null },
        { Format, Endpoint, string.Empty, Stamp, null },
        { Format, Endpoint, Variant, "run:epoch.tokenA.tokenC", null },
        { Format, Endpoint, Variant, "run2:epoch.tokenA.tokenB", null },
        { Format, Endpoint, Variant, Stamp, "user:7" },
        { Format, Endpoint, Variant, Stamp, "anonymous" },
    };

    [Theory]
    [MemberData(nameof(OneInputChanged))]
    public void TheHashDiffersWhenTheFormatEndpointVariantStampOrUserDiffers(string format, string endpoint, string variant, string stamp, string? user)
        => Assert.NotEqual(
            EntityTagFactory.VersionHash(Format, Endpoint, Variant, Stamp, null),
            EntityTagFactory.VersionHash(format, endpoint, variant, stamp, user));

    [Fact]
    public void TwoUsersGetDifferentHashes()
        => Assert.NotEqual(
            EntityTagFactory.VersionHash(Format, Endpoint, Variant, Stamp, "user:alice"),
            EntityTagFactory.VersionHash(Format, Endpoint, Variant, Stamp, "user:bob"));

    [Fact]
    public void EachCodingGetsItsOwnStrongTagOfTheSameVersion()
    {
        var hash = EntityTagFactory.VersionHash(Format, Endpoint, Variant, Stamp, null);
        Assert.Matches("^[A-Za-z0-9_-]{20}$", hash);

        var tags = new[] { ContentCoding.Identity, ContentCoding.Gzip, ContentCoding.Brotli }
            .Select(coding => EntityTagFactory.Create(hash, coding))
            .ToArray();

        Assert.Equal(["\"" + hash + "\"", "\"" + hash + "-gzip\"", "\"" + hash + "-br\""], tags);
        Assert.Equal(3, tags.Distinct(StringComparer.Ordinal).Count());
        foreach (var tag in tags)
        {
            var parsed = EntityTagHeaderValue.Parse(tag);
            Assert.False(parsed.IsWeak);
        }
    }
}
