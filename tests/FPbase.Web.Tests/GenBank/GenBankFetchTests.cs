using FPbase.Web.Features.Proteins.GenBank;

namespace FPbase.Web.Tests.GenBank;

/// <summary>
/// The GenBank records as the site fetches them from a real HTTP server playing Entrez: in batches, one entry per
/// accession, through retries that honour Retry-After, and never keeping what a malformed answer did not say.
/// Each test uses accessions of its own, since the records are kept for a day.
/// </summary>
public sealed class GenBankFetchTests(GenBankSite site) : IClassFixture<GenBankSite>
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AccessionsAskedForWhileABatchIsOutAreFetchedTogetherInTheNextRequest()
    {
        site.Entrez.Stall("BAT00001");
        site.Entrez.Sequences["BAT00001"] = "MSKGEE";
        foreach (var id in new[] { "BAT00002", "BAT00003", "BAT00004" })
        {
            site.Entrez.Sequences[id] = "MVSK" + (char)('A' + id[^1] - '0');
        }

        var first = site.Sequences.GetAsync("BAT00001", Patient, start: true, CancellationToken.None);
        await site.Entrez.AskedForAsync("BAT00001");
        var others = new[] { "BAT00002", "BAT00003", "BAT00004" }
            .Select(id => site.Sequences.GetAsync(id, Patient, start: true, CancellationToken.None)).ToList();
        await Task.Delay(200); // all three queued behind the stalled batch
        site.Entrez.Release("BAT00001");

        Assert.Equal("MSKGEE", (await first).Record!.Sequence);
        var records = await Task.WhenAll(others);
        Assert.True(records.All(r => r.Record is not null), string.Join("; ", records.Select(r => r.ToString()))
            + " | requests: " + string.Join("; ", site.Entrez.Requests.Select(r => r.Database + ":" + string.Join(",", r.Ids))));
        Assert.Equal(["MVSKC", "MVSKD", "MVSKE"], records.Select(r => r.Record!.Sequence));
        var batch = Assert.Single(site.Entrez.Requests, r => r.Ids.Contains("BAT00002"));
        Assert.Equal(["BAT00002", "BAT00003", "BAT00004"], batch.Ids.Order());
        Assert.Equal("protein", batch.Database);
    }

    [Fact]
    public async Task ARecordIsFetchedOnceAndThenServedFromItsOwnEntry()
    {
        site.Entrez.Sequences["ONE00001"] = "MVSKGEELFT";

        var fetched = await site.Sequences.GetAsync("ONE00001", Patient, start: true, CancellationToken.None);
        var again = await site.Sequences.GetAsync("ONE00001", Patient, start: true, CancellationToken.None);

        Assert.Equal("MVSKGEELFT", fetched.Record!.Sequence);
        Assert.Same(fetched.Record, again.Record);
        Assert.Equal(1, site.Entrez.RequestsFor("ONE00001"));
    }

    [Fact]
    public async Task ARateLimitedAnswerIsRetriedAfterItsRetryAfterAndTheRecordArrives()
    {
        site.Entrez.Sequences["RAT00001"] = "MVSKGEELFTGV";
        site.Entrez.Behaviours["RAT00001"] = FakeEntrez.Behaviour.RateLimitedOnce;

        var lookup = await site.Sequences.GetAsync("RAT00001", Patient, start: true, CancellationToken.None);

        Assert.Equal("MVSKGEELFTGV", lookup.Record!.Sequence);
        Assert.Equal(2, site.Entrez.RequestsFor("RAT00001"));
    }

    [Fact]
    public async Task AMalformedAnswerKeepsNothingAndTheNextAskFetchesAgain()
    {
        site.Entrez.Sequences["BAD00001"] = "MVSKGE";
        site.Entrez.Behaviours["BAD00001"] = FakeEntrez.Behaviour.Malformed;

        var malformed = await site.Sequences.GetAsync("BAD00001", Patient, start: true, CancellationToken.None);
        Assert.True(malformed.Failed);
        Assert.Null(site.Sequences.Kept("BAD00001"));

        site.Entrez.Behaviours.TryRemove("BAD00001", out _);
        var recovered = await site.Sequences.GetAsync("BAD00001", Patient, start: true, CancellationToken.None);
        Assert.Equal("MVSKGE", recovered.Record!.Sequence);
    }

    [Fact]
    public async Task AnAccessionAWellFormedAnswerLacksIsKeptAsNotInGenBank()
    {
        var lookup = await site.Sequences.GetAsync("NON00001", Patient, start: true, CancellationToken.None);

        Assert.False(lookup.Failed);
        Assert.False(lookup.Record!.Found);
        Assert.Same(lookup.Record, site.Sequences.Kept("NON00001"));
    }

    [Fact]
    public async Task ANucleotideAccessionIsFetchedFromNuccoreAndTranslated()
    {
        site.Entrez.Sequences["NT123456"] = "ATGGTGAGCAAGGGCGAGTAA";

        var lookup = await site.Sequences.GetAsync("NT123456", Patient, start: true, CancellationToken.None);

        Assert.Equal("MVSKGE", lookup.Record!.Sequence);
        Assert.Equal("nuccore", Assert.Single(site.Entrez.Requests, r => r.Ids.Contains("NT123456")).Database);
    }

    [Fact]
    public async Task AStalledEntrezNeverHoldsACallerPastItsBudget()
    {
        site.Entrez.Stall("SLO00001");
        try
        {
            var lookup = await site.Sequences.GetAsync("SLO00001", TimeSpan.FromMilliseconds(100), start: true, CancellationToken.None);

            Assert.Null(lookup.Record);
            Assert.False(lookup.Failed);
        }
        finally
        {
            site.Entrez.Release("SLO00001");
        }
    }
}
