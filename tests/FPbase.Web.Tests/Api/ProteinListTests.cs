using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Api;

/// <summary>What a script written for fpbase.org/api/proteins/ reads from ours.</summary>
public sealed class ProteinListTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task EgfpHasFpbasesProteinSerializerShape()
    {
        var egfp = (await _client.GetJsonAsync("/api/proteins/?slug=egfp")).EnumerateArray().Single();

        Assert.Equal(
            ["uuid", "name", "slug", "seq", "ipg_id", "genbank", "uniprot", "pdb", "agg", "switch_type", "states", "transitions", "doi"],
            egfp.EnumerateObject().Select(p => p.Name));
        Assert.Equal("R9NL8", egfp.GetProperty("uuid").GetString());
        Assert.Equal("EGFP", egfp.GetProperty("name").GetString());
        Assert.StartsWith("MVSKGEELFTGVVPILVELDGDVNGHKFSVSGEG", egfp.GetProperty("seq").GetString());
        Assert.Equal("928978", egfp.GetProperty("ipg_id").GetString());
        Assert.Equal("AAB02572", egfp.GetProperty("genbank").GetString());
        Assert.Equal("C5MKY7", egfp.GetProperty("uniprot").GetString());
        Assert.Equal(["2Y0G", "4EUL"], egfp.GetProperty("pdb").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("wd", egfp.GetProperty("agg").GetString());
        Assert.Equal("b", egfp.GetProperty("switch_type").GetString());
        Assert.Equal("10.1016/0378-1119(95)00685-0", egfp.GetProperty("doi").GetString());
        Assert.Equal(JsonValueKind.Array, egfp.GetProperty("transitions").ValueKind);

        var state = egfp.GetProperty("states").EnumerateArray().Single();
        Assert.Equal(
            ["slug", "name", "ex_max", "em_max", "ext_coeff", "qy", "pka", "maturation", "lifetime", "brightness"],
            state.EnumerateObject().Select(p => p.Name));
        Assert.Equal("egfp_default", state.GetProperty("slug").GetString());
        Assert.Equal("default", state.GetProperty("name").GetString());
        Assert.Equal(488, state.GetProperty("ex_max").GetInt32());
        Assert.Equal(507, state.GetProperty("em_max").GetInt32());
        Assert.Equal(55900, state.GetProperty("ext_coeff").GetInt32());
        Assert.Equal(0.6, state.GetProperty("qy").GetDouble());
        Assert.Equal(6.0, state.GetProperty("pka").GetDouble());
        Assert.Equal(25.0, state.GetProperty("maturation").GetDouble());
        Assert.Equal(2.6, state.GetProperty("lifetime").GetDouble());
        Assert.Equal(33.54, state.GetProperty("brightness").GetDouble());
    }

    [Fact]
    public async Task ListsEveryProteinAsAPlainListByNameThenId()
    {
        var listed = (await _client.GetJsonAsync("/api/proteins/")).Slugs();
        var expected = await site.App.WithDbAsync(db => db.Proteins.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Slug).ToListAsync());
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task TwoBuildsOfOneVersionAreByteIdentical()
    {
        // Different query strings are different cache entries, built separately from the same data.
        var first = await _client.GetByteArrayAsync("/api/proteins/?name__icontains=");
        var second = await _client.GetByteArrayAsync("/api/proteins/?name__istartswith=");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task CsvHasFpbasesFlattenedColumns()
    {
        var response = await _client.GetAsync("/api/proteins/?format=csv&slug=egfp");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var lines = body.Split("\r\n");
        var header = lines[0].Split(',');
        Assert.Equal(
            ["uuid", "name", "slug", "seq", "ipg_id", "genbank", "uniprot", "pdb.0", "pdb.1", "agg", "switch_type",
             "states.0.slug", "states.0.name", "states.0.ex_max", "states.0.em_max", "states.0.ext_coeff", "states.0.qy",
             "states.0.pka", "states.0.maturation", "states.0.lifetime", "states.0.brightness", "doi"],
            header);
        var row = header.Zip(lines[1].Split(',')).ToDictionary(c => c.First, c => c.Second);
        Assert.Equal("R9NL8", row["uuid"]);
        Assert.Equal("egfp_default", row["states.0.slug"]);
        Assert.Equal("488", row["states.0.ex_max"]);
        Assert.Equal("507", row["states.0.em_max"]);
        Assert.Equal("55900", row["states.0.ext_coeff"]);
        Assert.Equal("0.6", row["states.0.qy"]);
        Assert.Equal("33.54", row["states.0.brightness"]);
        Assert.Equal("10.1016/0378-1119(95)00685-0", row["doi"]);
        Assert.Equal([""], lines[2..]); // one row, then the final \r\n
    }

    [Fact]
    public async Task CsvHasOneRowPerProtein()
    {
        var body = await _client.GetStringAsync("/api/proteins/?format=csv");
        Assert.StartsWith("uuid,name,slug,seq,", body);
        var proteins = await site.App.WithDbAsync(db => db.Proteins.CountAsync());
        Assert.Equal(proteins + 1, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void CsvQuotesOnlyFieldsWithCommasQuotesOrLineBreaksAsPythonsCsvModuleDoes()
    {
        var csv = Features.Shared.Csv.CsvText.Write([["plain", "a,b", "say \"hi\"", "two\nlines", ""]]);
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n", csv);
    }

    [Fact]
    public async Task CsvIsTheDefaultAsInFpbaseAndFormatCsvIsTheSameBody()
    {
        // FPbase's first renderer is CSV: `curl URL` and `pandas.read_csv(URL)` get CSV (ContentNegotiationTests).
        var plain = await _client.GetStringAsync("/api/proteins/?slug=egfp");
        var csv = await _client.GetStringAsync("/api/proteins/?slug=egfp&format=csv");
        Assert.Equal(plain, csv);
        Assert.StartsWith("uuid,", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiddenAndPendingProteinsAreListedAsFpbaseDoesAndStatusNarrows()
    {
        var statuses = await site.App.WithDbAsync(db => db.Proteins.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var approved = (await _client.GetJsonAsync("/api/proteins/?status=approved")).GetArrayLength();
        Assert.Equal(statuses.Single(s => s.Key == ProteinStatus.Approved).Count, approved);
        Assert.Equal(statuses.Sum(s => s.Count), (await _client.GetJsonAsync("/api/proteins/")).GetArrayLength());
    }
}
