using FPbase.Soak;

namespace FPbase.Soak.Tests;

/// <summary>Which read 5xx the checker lets pass: only 503s with Retry-After for reads in flight during an outage.</summary>
public sealed class ServerErrorTests
{
    private static readonly (long StartedAt, long End)[] Outage = [(Clock.FromMs(52_000), Clock.FromMs(61_600))];

    private static ServerError Read(double sentS, double answeredS, int status = 503, bool retryAfter = true)
        => new(Clock.FromMs(sentS * 1000), Clock.FromMs(answeredS * 1000), status, "protein-page", "127.0.0.1:5191", "/protein/egfp/", "gzip", retryAfter, "");

    [Fact]
    public void AReadSentBeforeTheOutageAndAnsweredDuringItIsTheDocumented503()
        => Assert.True(Read(48.9, 55.6).IsDocumentedOutageAnswer(Outage));

    [Fact]
    public void AReadSentAndAnsweredDuringTheOutageOrItsGraceIsTheDocumented503()
        => Assert.True(Read(60.0, 61.0).IsDocumentedOutageAnswer(Outage));

    [Fact]
    public void AReadAnsweredBeforeTheOutageBeganCounts()
        => Assert.False(Read(45.0, 51.9).IsDocumentedOutageAnswer(Outage));

    [Fact]
    public void AReadSentAfterTheGraceCounts()
        => Assert.False(Read(61.7, 62.0).IsDocumentedOutageAnswer(Outage));

    [Fact]
    public void Only503WithRetryAfterIsExcused()
    {
        Assert.False(Read(53, 54, status: 500).IsDocumentedOutageAnswer(Outage));
        Assert.False(Read(53, 54, retryAfter: false).IsDocumentedOutageAnswer(Outage));
    }
}
