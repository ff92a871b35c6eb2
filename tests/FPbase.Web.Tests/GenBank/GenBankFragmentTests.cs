using System.Net;
using System.Net.Http.Headers;

namespace FPbase.Web.Tests.GenBank;

/// <summary>
/// The protein page's GenBank part, end to end: the page stays one cached document that never waits for Entrez, and
/// embeds the comparison with GenBank, which says "not available yet" (uncached) until the record lands and is then a
/// cached fragment whose ETag names the record.
/// </summary>
public sealed class GenBankFragmentTests(GenBankSite site) : IClassFixture<GenBankSite>
{
    private const string Sequence = "MVSKGEELFTGVVPILVELDGDVNGHKFSVSGEGEGDATYGKLTLKFICTTGKLPVPWPTLVTTLTYGVQCFSRYPDHMKQ";

    [Fact]
    public async Task WithEntrezStalledThePageAndItsGenBankPartAnswerAndSayTheRecordIsNotAvailableYet()
    {
        var slug = (await site.OtherProteinsAsync(1))[0];
        await site.SetProteinAsync(slug, "STA00001", Sequence);
        site.Entrez.Stall("STA00001");
        site.Entrez.Sequences["STA00001"] = Sequence;
        var client = site.ClientFrom("81.2.69.142");
        try
        {
            var page = await client.GetAsync($"/protein/{slug}/");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"src=\"/protein/{slug}/genbank/STA00001/\"", html, StringComparison.Ordinal);
            await site.Entrez.AskedForAsync("STA00001"); // the page's build started the fetch, and did not wait for it

            // The client gives up after 15 s: a fragment that waited for the stalled Entrez would fail here.
            var fragment = await client.GetAsync($"/protein/{slug}/genbank/STA00001/");
            var body = await fragment.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Accepted, fragment.StatusCode);
            Assert.Contains("is not available yet", body, StringComparison.Ordinal);
            Assert.Contains("http-equiv=\"refresh\"", body, StringComparison.Ordinal);
            Assert.NotNull(fragment.Headers.RetryAfter);
            Assert.Null(fragment.Headers.ETag); // not cached: the next request asks again
            Assert.Equal(1, site.Entrez.RequestsFor("STA00001"));

            // When Entrez answers, the same page (same ETag: it never held GenBank's data) embeds the comparison.
            site.Entrez.Release("STA00001");
            var landed = await UntilOkAsync(client, $"/protein/{slug}/genbank/STA00001/");
            Assert.Contains("The sequence matches GenBank", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var pageAfter = await client.GetAsync($"/protein/{slug}/");
            Assert.Equal(page.Headers.ETag, pageAfter.Headers.ETag);
        }
        finally
        {
            site.Entrez.Release("STA00001");
        }
    }

    [Fact]
    public async Task OnceTheRecordIsHereTheFragmentIsCachedAndRevalidatesWith304()
    {
        var slug = (await site.OtherProteinsAsync(2))[1];
        await site.SetProteinAsync(slug, "CAC00001", Sequence);
        site.Entrez.Sequences["CAC00001"] = Sequence;
        var client = site.ClientFrom("81.2.69.142");

        var first = await UntilOkAsync(client, $"/protein/{slug}/genbank/CAC00001/");
        Assert.NotNull(first.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/protein/{slug}/genbank/CAC00001/");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(1, site.Entrez.RequestsFor("CAC00001"));
    }

    [Fact]
    public async Task ARecordFetchedAgainWithOtherContentGivesTheFragmentAnotherETagSoTheOldCopyIsNeverRevalidated()
    {
        var slug = (await site.OtherProteinsAsync(4))[3];
        await site.SetProteinAsync(slug, "NEW00001", "MVSKGE");
        site.Entrez.Sequences["NEW00001"] = "MVSKGE";
        var client = site.ClientFrom("81.2.69.142");
        var before = await UntilOkAsync(client, $"/protein/{slug}/genbank/NEW00001/");
        Assert.Contains("The sequence matches GenBank", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A day later GenBank's record has changed, and this instance fetched it again (nothing of ours was written).
        site.Sequences.Land(new FPbase.Web.Features.Proteins.GenBank.GenBankRecord("NEW00001", "MVSKGA"));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/protein/{slug}/genbank/NEW00001/");
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("E6A", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASequenceThatDiffersFromGenBankListsTheSubstitutionsAndAnEditOfTheSequenceShowsAtOnce()
    {
        var slug = (await site.OtherProteinsAsync(3))[2];
        var ours = "MVSKGEELFT";
        await site.SetProteinAsync(slug, "DIF00001", ours);
        site.Entrez.Sequences["DIF00001"] = "MVSKGEEAFT";
        var client = site.ClientFrom("81.2.69.142");

        var differs = await (await UntilOkAsync(client, $"/protein/{slug}/genbank/DIF00001/")).Content.ReadAsStringAsync();
        Assert.Contains("differs from GenBank", differs, StringComparison.Ordinal);
        Assert.Contains("L8A", differs, StringComparison.Ordinal);

        // The fragment is cached under the protein's versions: an edit of the sequence changes it at once.
        await site.SetProteinAsync(slug, "DIF00001", "MVSKGEEAFT");
        var matches = await (await UntilOkAsync(client, $"/protein/{slug}/genbank/DIF00001/")).Content.ReadAsStringAsync();
        Assert.Contains("The sequence matches GenBank", matches, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EgfpsPageEmbedsTheComparisonWithItsGenBankRecord()
    {
        site.Entrez.Sequences["AAB02572"] = "MVSKGEELFTGVVPILVELDGDVNGHKFSVSGEGEGDATYGKLTLKFICTTGKLPVPWPTLVTTLTYGVQCFSRYPDHMKQHDFFKSAMPEGYVQERTIFFKDDGNYKTRAEVKFEGDTLVNRIELKGIDFKEDGNILGHKLEYNYNSHNVYIMADKQKNGIKVNFKIRHNIEDGSVQLADHYQQNTPIGDGPVLLPDNHYLSTQSALSKDPNEKRDHMVLLEFVTAAGITLGMDELYK";
        var client = site.ClientFrom("81.2.69.142");

        var html = await client.GetStringAsync("/protein/egfp/");
        Assert.Contains("<iframe class=\"fragment genbank\" id=\"genbank\" title=\"Comparison with GenBank AAB02572\" src=\"/protein/egfp/genbank/AAB02572/\"", html, StringComparison.Ordinal);

        var fragment = await (await UntilOkAsync(client, "/protein/egfp/genbank/AAB02572/")).Content.ReadAsStringAsync();
        Assert.Contains("GenBank <a href=\"https://www.ncbi.nlm.nih.gov/protein/AAB02572\"", fragment, StringComparison.Ordinal);
        Assert.Contains("id=\"genbank-sequence\">MVSKGEELFTG", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccessionThatIsNotTheProteinsIsA404ProblemAndIsNeverFetched()
    {
        var client = site.ClientFrom("81.2.69.142");

        var response = await client.GetAsync("/protein/egfp/genbank/XYZ99999/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await Task.Delay(300);
        Assert.Equal(0, site.Entrez.RequestsFor("XYZ99999"));
    }

    private static async Task<HttpResponseMessage> UntilOkAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return response;
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, $"{url} still answers 202");
            await Task.Delay(100);
        }
    }
}
