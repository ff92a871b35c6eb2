using FPbase.Caching.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FPbase.Caching.Tests.Conditional;

public sealed class ContentCodingNegotiatorTests
{
    private static string Choose(params string[] lines)
    {
        var context = new DefaultHttpContext();
        if (lines.Length > 0)
        {
            context.Request.Headers.AcceptEncoding = new StringValues(lines);
        }

        return ContentCodingNegotiator.Choose(context.Request).ToString();
    }

    public static TheoryData<string[], string> Negotiations => new()
    {
        { [], "Identity" },
        { ["gzip"], "Gzip" },
        { ["x-gzip"], "Gzip" },
        { ["GZIP"], "Gzip" },
        { ["br"], "Brotli" },
        { ["deflate"], "Identity" },
        { ["identity"], "Identity" },

        // Ties prefer the smaller body: Brotli.
        { ["gzip, br"], "Brotli" },
        { ["br, gzip"], "Brotli" },
        { ["gzip;q=0.5, br;q=0.5"], "Brotli" },
        { ["gzip", "br"], "Brotli" },
        { ["gzip, deflate, br, zstd"], "Brotli" },

        // q-values decide.
        { ["gzip;q=1, br;q=0.9"], "Gzip" },
        { ["br;q=0.2, gzip;q=0.8"], "Gzip" },
        { ["identity, gzip;q=0.5"], "Identity" },
        { ["identity;q=0.5, gzip"], "Gzip" },

        // q=0 refuses.
        { ["br;q=0, gzip"], "Gzip" },
        { ["br;q=0"], "Identity" },
        { ["gzip;q=0, br;q=0"], "Identity" },
        { ["gzip, gzip;q=0"], "Gzip" },

        // `*` stands for every coding not named.
        { ["*"], "Brotli" },
        { ["*;q=0.5, gzip"], "Gzip" },
        { ["br;q=0, *"], "Gzip" },
        { ["*;q=0"], "Identity" },
        { ["*;q=0, gzip"], "Gzip" },

        // Identity refused but nothing else offered: identity anyway rather than a 406.
        { ["identity;q=0"], "Identity" },
        { ["identity;q=0, gzip;q=0.1"], "Gzip" },

        // Malformed: identity, which every client understands.
        { ["gzip;q=abc"], "Identity" },
        { ["br;q=2"], "Identity" },
        { ["@@@, ;;;"], "Identity" },
        { [string.Empty], "Identity" },
    };

    [Theory]
    [MemberData(nameof(Negotiations))]
    public void TheCodingFollowsTheQValuesPreferringBrotliOnTies(string[] lines, string expected)
        => Assert.Equal(expected, Choose(lines));

    [Fact]
    public void TheContentEncodingHeaderNamesTheCodingAndIdentityHasNone()
    {
        Assert.Equal("gzip", ContentCodingNegotiator.HeaderValue(ContentCoding.Gzip));
        Assert.Equal("br", ContentCodingNegotiator.HeaderValue(ContentCoding.Brotli));
        Assert.Null(ContentCodingNegotiator.HeaderValue(ContentCoding.Identity));
    }
}
