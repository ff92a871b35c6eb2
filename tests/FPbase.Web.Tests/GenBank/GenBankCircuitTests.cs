using System.Net;

namespace FPbase.Web.Tests.GenBank;

/// <summary>When Entrez keeps failing, the circuit opens: Entrez is left alone, and the pages still answer at once.</summary>
public sealed class GenBankCircuitTests(BreakingGenBankSite site) : IClassFixture<BreakingGenBankSite>
{
    [Fact]
    public async Task AfterRepeatedFailuresTheCircuitOpensEntrezIsNotAskedAgainAndTheFragmentSaysNotAvailableYet()
    {
        var patient = TimeSpan.FromSeconds(20);
        site.Entrez.Behaviours["BRK00001"] = FakeEntrez.Behaviour.Failing;
        site.Entrez.Behaviours["BRK00002"] = FakeEntrez.Behaviour.Failing;
        site.Entrez.Behaviours["BRK00003"] = FakeEntrez.Behaviour.Failing;

        // The first attempt and its retry fail: two failures open the circuit.
        var failed = await site.Sequences.GetAsync("BRK00001", patient, start: true, CancellationToken.None);
        Assert.True(failed.Failed);
        Assert.Equal(2, site.Entrez.Requests.Count);

        // While it is open, nothing reaches Entrez, and the answer comes at once.
        var refused = await site.Sequences.GetAsync("BRK00002", patient, start: true, CancellationToken.None);
        Assert.True(refused.Failed);
        Assert.Equal(2, site.Entrez.Requests.Count);

        var slug = (await site.OtherProteinsAsync(1))[0];
        await site.SetProteinAsync(slug, "BRK00003", "MVSK");
        var client = site.ClientFrom("81.2.69.142");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/protein/{slug}/")).StatusCode);
        var fragment = await client.GetAsync($"/protein/{slug}/genbank/BRK00003/");
        Assert.Equal(HttpStatusCode.Accepted, fragment.StatusCode);
        Assert.Contains("is not available yet", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(0, site.Entrez.RequestsFor("BRK00003"));
    }
}
