using FPbase.Caching.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FPbase.Caching.Tests.Conditional;

/// <summary>RFC 9110 §13 as the middleware applies it, before any endpoint runs.</summary>
public sealed class PreconditionTests
{
    private const string Hash = "q1w2e3r4t5y6u7i8o9p0";
    private const string Identity = "\"" + Hash + "\"";
    private const string Gzip = "\"" + Hash + "-gzip\"";
    private const string Brotli = "\"" + Hash + "-br\"";

    private static string Evaluate(string method, string? ifMatch, string[]? ifNoneMatch, string etag = Identity, bool exists = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = new StringValues(ifNoneMatch);
        }

        var isSafe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return Precondition.Evaluate(context.Request, etag, Hash, exists, isSafe).ToString();
    }

    /// <summary>If-None-Match lines on a GET of the identity representation, and the outcome.</summary>
    public static TheoryData<string[], string> IfNoneMatchOnGet => new()
    {
        { [Identity], "NotModified" },
        { ["W/" + Identity], "NotModified" },
        { ["\"other\", W/" + Identity], "NotModified" },
        { ["W/\"other\", " + Identity + ", \"third\""], "NotModified" },
        { ["\"other\"", Identity], "NotModified" },
        { ["*"], "NotModified" },
        { ["\"other\""], "Proceed" },
        { ["\"other\"", "W/\"another\""], "Proceed" },

        // Another coding's tag names other bytes: not this representation.
        { [Gzip], "Proceed" },
        { [Brotli], "Proceed" },

        // Malformed: matches nothing, so the full response is sent.
        { [Hash], "Proceed" },
        { ["\"" + Hash], "Proceed" },
        { [Identity + ", garbage"], "Proceed" },
        { ["w/" + Identity + " junk"], "Proceed" },
        { [string.Empty], "Proceed" },
    };

    [Theory]
    [MemberData(nameof(IfNoneMatchOnGet))]
    public void IfNoneMatchUsesTheWeakComparisonAndAnswersSafeMethodsWith304(string[] lines, string expected)
    {
        Assert.Equal(expected, Evaluate("GET", null, lines));
        Assert.Equal(expected, Evaluate("HEAD", null, lines));
    }

    [Theory]
    [InlineData(Gzip)]
    [InlineData(Brotli)]
    public void IfNoneMatchWithACodingsOwnTagMatchesThatCodingsRepresentation(string tag)
        => Assert.Equal("NotModified", Evaluate("GET", null, [tag], etag: tag));

    [Theory]
    [InlineData(Identity)]
    [InlineData("W/" + Identity)]
    [InlineData("*")]
    public void AnUnsafeMethodWhoseIfNoneMatchMatchesFailsWith412(string line)
    {
        Assert.Equal("Failed", Evaluate("POST", null, [line]));
        Assert.Equal("Failed", Evaluate("PUT", null, [line]));
    }

    [Fact]
    public void AnUnsafeMethodWhoseIfNoneMatchDoesNotMatchProceeds()
        => Assert.Equal("Proceed", Evaluate("POST", null, ["\"other\""]));

    /// <summary>If-Match (strong comparison; any coding's tag of the current version) and the outcome.</summary>
    public static TheoryData<string, string> IfMatch => new()
    {
        { Identity, "Proceed" },
        { Gzip, "Proceed" },
        { Brotli, "Proceed" },
        { "\"other\", " + Gzip, "Proceed" },
        { "*", "Proceed" },

        // The strong function never matches a weak tag.
        { "W/" + Identity, "Failed" },
        { "W/" + Brotli, "Failed" },
        { "\"other\"", "Failed" },

        // Looks like our version but is no coding we make.
        { "\"" + Hash + "-deflate\"", "Failed" },
        { "\"" + Hash + "x\"", "Failed" },
        { "\"" + Hash[..^1] + "\"", "Failed" },

        // Malformed: matches nothing, so the condition is false.
        { Hash, "Failed" },
        { Identity + ", garbage", "Failed" },
    };

    [Theory]
    [MemberData(nameof(IfMatch))]
    public void IfMatchUsesTheStrongComparisonAgainstEveryCodingOfTheCurrentVersion(string header, string expected)
    {
        Assert.Equal(expected, Evaluate("GET", header, null));
        Assert.Equal(expected, Evaluate("PUT", header, null));
    }

    [Fact]
    public void IfMatchOverSeveralHeaderLinesMatchesAnyLine()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "PUT";
        context.Request.Headers.IfMatch = new StringValues(["\"other\"", Gzip]);
        Assert.Equal("Proceed", Precondition.Evaluate(context.Request, Identity, Hash, exists: true, isSafe: false).ToString());
    }

    [Fact]
    public void IfMatchIsEvaluatedBeforeIfNoneMatch()
    {
        Assert.Equal("Failed", Evaluate("GET", "\"stale\"", [Identity]));
        Assert.Equal("NotModified", Evaluate("GET", Identity, [Identity]));
        Assert.Equal("Proceed", Evaluate("GET", Gzip, ["\"other\""]));
    }

    [Fact]
    public void StarOnAResourceThatMayNotExistWaitsForTheEndpoint()
    {
        Assert.Equal("NeedsExistence", Evaluate("GET", null, ["*"], exists: false));
        Assert.Equal("NeedsExistence", Evaluate("PUT", "*", null, exists: false));

        // A named tag needs no existence check.
        Assert.Equal("NotModified", Evaluate("GET", null, [Identity], exists: false));
        Assert.Equal("Failed", Evaluate("PUT", "\"other\"", null, exists: false));
    }

    [Fact]
    public void OnceTheRowIsKnownToExistStarMatches()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers.IfNoneMatch = "*";
        Assert.Equal("NotModified", Precondition.EvaluateExisting(context.Request, Identity, Hash, isSafe: true).ToString());
        Assert.Equal("Failed", Precondition.EvaluateExisting(context.Request, Identity, Hash, isSafe: false).ToString());
    }

    [Fact]
    public void NoConditionalHeadersProceedAndIfModifiedSinceIsIgnored()
    {
        Assert.Equal("Proceed", Evaluate("GET", null, null));

        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers.IfModifiedSince = "Sun, 06 Nov 2100 08:49:37 GMT";
        context.Request.Headers.IfUnmodifiedSince = "Sun, 06 Nov 1994 08:49:37 GMT";
        Assert.Equal("Proceed", Precondition.Evaluate(context.Request, Identity, Hash, exists: true, isSafe: true).ToString());
    }
}
