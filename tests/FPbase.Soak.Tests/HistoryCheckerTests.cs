using System.IO.Compression;
using System.Text;

namespace FPbase.Soak.Tests;

public sealed class HistoryCheckerTests
{
    private static long T(double ms) => Clock.FromMs(ms);

    private static WriteRecord Ack(string protein, long counter, double sentMs, double ackMs)
        => new(protein, counter, T(sentMs), T(ackMs), WriteOutcome.Acknowledged, 200);

    private static WriteRecord Refused(string protein, long counter, double sentMs)
        => new(protein, counter, T(sentMs), null, WriteOutcome.Refused, 0);

    private static ReadObservation Read(long id, string protein, long counter, double startMs, ReadKind kind = ReadKind.Ok)
        => new(id, protein, counter, kind, T(startMs), "api-protein", "127.0.0.1:5191", "br");

    private static readonly WriteRecord[] History =
    [
        Ack("egfp", 1, 0, 10),
        Ack("egfp", 2, 20, 30),
        Ack("egfp", 3, 40, 50),
        Ack("mcherry", 1, 0, 15),
    ];

    [Fact]
    public void AHistoryWithoutAStaleReadHasNoViolation()
    {
        ReadObservation[] reads =
        [
            Read(1, "egfp", 0, 5),      // before the first ack: the seed value is fine
            Read(2, "egfp", 1, 11),
            Read(3, "egfp", 1, 25),     // write 2 not acknowledged yet (in flight): old value allowed
            Read(4, "egfp", 2, 25),     // ... and so is the new one
            Read(5, "egfp", 3, 45),     // in flight, already visible
            Read(6, "egfp", 3, 60),
            Read(7, "mcherry", 1, 60),
            Read(8, "egfp", 2, 30),     // started exactly at the ack: not "before" it
        ];

        var result = HistoryChecker.Check(History, reads);

        Assert.Equal(0, result.Stale200);
        Assert.Equal(0, result.False304);
        Assert.Equal(0, result.Phantom);
        Assert.Empty(result.Violations);
        Assert.Equal(reads.Length, result.Observations);
    }

    [Fact]
    public void A200OlderThanAWriteAcknowledgedBeforeTheReadStartedIsAStale200()
    {
        var result = HistoryChecker.Check(History, [Read(1, "egfp", 2, 51), Read(2, "egfp", 3, 52)]);

        Assert.Equal(1, result.Stale200);
        Assert.Equal(0, result.False304);
        var v = Assert.Single(result.Violations);
        Assert.Equal(3, v.Required);
        Assert.Equal(2, v.Read.Counter);
        Assert.Equal(1.0, v.LagMs, 3);
    }

    [Fact]
    public void A304ForAHeldValueOlderThanAnAcknowledgedWriteIsAFalse304()
    {
        var result = HistoryChecker.Check(History, [Read(1, "egfp", 1, 35, ReadKind.NotModified), Read(2, "mcherry", 0, 35, ReadKind.NotModified)]);

        Assert.Equal(0, result.Stale200);
        Assert.Equal(2, result.False304);
        Assert.Equal(2, result.Violations.Count);
    }

    [Fact]
    public void AListReadWithSeveralStaleProteinsCountsOnce()
    {
        var result = HistoryChecker.Check(History, [Read(7, "egfp", 0, 100), Read(7, "mcherry", 0, 100)]);

        Assert.Equal(1, result.Stale200);
        Assert.Equal(2, result.Violations.Count);
    }

    [Fact]
    public void ARefusedWriteMayBeVisibleOrNotEvenAfterALaterAcknowledgedOne()
    {
        WriteRecord[] history = [Ack("egfp", 1, 0, 10), Refused("egfp", 2, 20), Ack("egfp", 3, 40, 50)];

        var result = HistoryChecker.Check(history,
        [
            Read(1, "egfp", 1, 30),     // refused 2 not visible: fine
            Read(2, "egfp", 2, 30),     // refused 2 visible: fine
            Read(3, "egfp", 2, 60),     // below 3, but 2 may have committed late: ambiguous, not a violation
            Read(4, "egfp", 1, 60),     // below 3 and not a refused value: stale
        ]);

        Assert.Equal(1, result.Stale200);
        Assert.Equal(1, result.Ambiguous);
        Assert.Equal(1, Assert.Single(result.Violations).Read.Counter);
    }

    [Fact]
    public void AValueNoWriteCarriedIsAPhantom()
    {
        var result = HistoryChecker.Check(History, [Read(1, "egfp", 4, 60), Read(2, "egfp", -1, 60), Read(3, "dsred", 1, 60)]);

        Assert.Equal(3, result.Phantom);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void WritesAreLookedUpByAckTimeWhateverTheirOrderInTheHistory()
    {
        WriteRecord[] shuffled = [History[2], History[0], History[3], History[1]];

        var result = HistoryChecker.Check(shuffled, [Read(1, "egfp", 1, 31), Read(2, "egfp", 2, 31)]);

        Assert.Equal(1, result.Stale200);
        Assert.Equal(2, Assert.Single(result.Violations).Required);
    }
}

public sealed class SurfacesTests
{
    private static readonly WatchedProtein Egfp = new("egfp", "R9NL8");
    private static readonly WatchedProtein MCherry = new("mcherry", "ZERB6");

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("IPG012345", 0)]
    [InlineData("sk0", 0)]
    [InlineData("sk7", 7)]
    [InlineData("sk1234567890", 1234567890)]
    [InlineData("sk", -1)]
    [InlineData("sk12a", -1)]
    public void Decode(string? value, long counter) => Assert.Equal(counter, Surfaces.Decode(value));

    [Fact]
    public void EncodeRoundTripsAndFitsIpgId() =>
        Assert.True(Surfaces.Encode(99_999_999) is { Length: <= 12 } v && Surfaces.Decode(v) == 99_999_999);

    [Fact]
    public void ApiProtein()
    {
        var values = Surfaces.Parse(Surface.ApiProtein, Egfp, """{"uuid":"R9NL8","slug":"egfp","ipg_id":"sk12"}""", [Egfp]);
        Assert.Equal(12, values["egfp"]);
        Assert.Equal(0, Surfaces.Parse(Surface.ApiProtein, Egfp, """{"slug":"egfp","ipg_id":null}""", [Egfp])["egfp"]);
        Assert.Throws<FormatException>(() => Surfaces.Parse(Surface.ApiProtein, Egfp, """{"slug":"mcherry","ipg_id":"sk1"}""", [Egfp]));
    }

    [Fact]
    public void GraphQL()
    {
        var values = Surfaces.Parse(Surface.GraphQL, Egfp, """{"data":{"protein":{"id":"R9NL8","ipgId":"sk3"}}}""", [Egfp]);
        Assert.Equal(3, values["egfp"]);
        Assert.Throws<FormatException>(() => Surfaces.Parse(Surface.GraphQL, Egfp, """{"data":{"protein":null}}""", [Egfp]));
    }

    [Fact]
    public void BasicListGivesEveryWatchedProteinAndRequiresAllOfThem()
    {
        const string body = """[{"slug":"egfp","ipg_id":"sk5"},{"slug":"other","ipg_id":"sk99"},{"slug":"mcherry","ipg_id":null}]""";
        var values = Surfaces.Parse(Surface.BasicList, Egfp, body, [Egfp, MCherry]);
        Assert.Equal(2, values.Count);
        Assert.Equal(5, values["egfp"]);
        Assert.Equal(0, values["mcherry"]);
        Assert.Throws<FormatException>(() => Surfaces.Parse(Surface.BasicList, Egfp, """[{"slug":"egfp","ipg_id":"sk5"}]""", [Egfp, MCherry]));
    }

    [Fact]
    public void ProteinPage()
    {
        const string page = "<h1>EGFP</h1><a href=\"/protein/egfp/edit/\">edit</a><dl><dt>IPG ID</dt><dd>sk41</dd></dl>";
        Assert.Equal(41, Surfaces.Parse(Surface.ProteinPage, Egfp, page, [Egfp])["egfp"]);
        Assert.Equal(0, Surfaces.Parse(Surface.ProteinPage, Egfp, "<h1>EGFP</h1> /protein/egfp/", [Egfp])["egfp"]);
    }

    [Fact]
    public void ProteinPageWithItsLinksOut()
    {
        // As the page shows it since its links out: the IPG row links to NCBI.
        const string page = "<h1>EGFP</h1><a href=\"/protein/egfp/edit/\">edit</a><dl><dt>IPG</dt><dd><a id=\"link-ipg\" href=\"https://www.ncbi.nlm.nih.gov/ipg/?term=sk41%5Buid%5D\" target=\"_blank\" rel=\"noopener\">sk41</a></dd></dl>";
        Assert.Equal(41, Surfaces.Parse(Surface.ProteinPage, Egfp, page, [Egfp])["egfp"]);
    }

    [Fact]
    public void BodiesAreDecodedByTheirContentCoding()
    {
        var text = """{"slug":"egfp","ipg_id":"sk9"}""";
        var raw = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, Surfaces.DecodeBody(raw, []));
        Assert.Equal(text, Surfaces.DecodeBody(Compress(raw, s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)), ["gzip"]));
        Assert.Equal(text, Surfaces.DecodeBody(Compress(raw, s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true)), ["br"]));
        Assert.Throws<FormatException>(() => Surfaces.DecodeBody(raw, ["zstd"]));
    }

    private static byte[] Compress(byte[] raw, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var z = wrap(output))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }
}
