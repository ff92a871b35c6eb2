using System.Text.Json.Nodes;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>The queries FPbase's clients (fpbasepy, microsim, the spectra viewer) send get FPbase's answers.</summary>
public sealed class FpbaseClientQueryTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task EgfpByItsFpbaseIdHasItsNameSlugDefaultStateAndSpectra()
    {
        var data = await _client.DataAsync("""{ protein(id: "R9NL8") { id name slug defaultState { exMax emMax } states { spectra { id subtype } } } }""");

        var protein = data["protein"]!;
        Assert.Equal("R9NL8", (string?)protein["id"]);
        Assert.Equal("EGFP", (string?)protein["name"]);
        Assert.Equal("egfp", (string?)protein["slug"]);
        Assert.Equal(488, (double)protein["defaultState"]!["exMax"]!);
        Assert.Equal(507, (double)protein["defaultState"]!["emMax"]!);
        var spectra = protein["states"]!.AsArray().SelectMany(s => s!["spectra"]!.AsArray()).ToList();
        Assert.Equal(["17", "173", "18"], spectra.Select(s => (string)s!["id"]!).Order().ToArray());
        Assert.Equal(["A_2P", "EM", "EX"], spectra.Select(s => (string)s!["subtype"]!).Order().ToArray());
    }

    [Fact]
    public async Task ASpectrumsDataIsWavelengthValuePairsOnTheStoredOneNanometreGrid()
    {
        var data = await _client.DataAsync("{ spectrum(id: 17) { id category subtype color data owner { name slug ... on State { exMax qy protein { id } } } } }");

        var spectrum = data["spectrum"]!;
        Assert.Equal("P", (string?)spectrum["category"]);
        Assert.Equal("EX", (string?)spectrum["subtype"]);
        Assert.StartsWith("#", (string?)spectrum["color"]);
        var points = spectrum["data"]!.AsArray();
        Assert.Equal(300, (double)points[0]![0]!);
        Assert.Equal(0.0962, (double)points[0]![1]!);
        for (var i = 1; i < points.Count; i++)
        {
            Assert.Equal(1, (double)points[i]![0]! - (double)points[i - 1]![0]!);
        }

        Assert.Equal("EGFP", (string?)spectrum["owner"]!["name"]);
        Assert.Equal("egfp_default", (string?)spectrum["owner"]!["slug"]);
        Assert.Equal(0.6, (double)spectrum["owner"]!["qy"]!);
        Assert.Equal("R9NL8", (string?)spectrum["owner"]!["protein"]!["id"]);
    }

    [Fact]
    public async Task TheSpectraListFiltersByCategoryAndNamesEachOwner()
    {
        var data = await _client.DataAsync("""{ spectra(category: "P") { id category subtype owner { id name slug url } } }""");

        var spectra = data["spectra"]!.AsArray();
        Assert.All(spectra, s => Assert.Equal("P", (string?)s!["category"]));
        var egfpEx = Assert.Single(spectra, s => (string?)s!["id"] == "17");
        Assert.Equal("egfp_default", (string?)egfpEx!["owner"]!["slug"]);
        Assert.Equal("EGFP", (string?)egfpEx["owner"]!["name"]);

        var filters = (await _client.DataAsync("""{ spectra(category: "F") { subtype owner { name } } }"""))["spectra"]!.AsArray();
        Assert.NotEmpty(filters);
        Assert.All(filters, s => Assert.Contains((string?)s!["subtype"], new[] { "BP", "BX", "BM", "SP", "LP", "BS" }));
        var twoPhoton = (await _client.DataAsync("""{ spectra(subtype: "2p") { id } }"""))["spectra"]!.AsArray();
        Assert.Contains(twoPhoton, s => (string?)s!["id"] == "173");
    }

    [Fact]
    public async Task EnumsAreSpelledAsGrapheneSpellsFpbasesChoices()
    {
        var data = await _client.DataAsync("""
            { protein(id: "R9NL8") { agg switchType cofactor spectra { category subtype } }
              microscopes { opticalConfigs { filters { path reflects } } } }
            """);

        Assert.Equal("WD", (string?)data["protein"]!["agg"]);
        Assert.Equal("B", (string?)data["protein"]!["switchType"]);
        Assert.Null(data["protein"]!["cofactor"]);
        Assert.Contains(data["protein"]!["spectra"]!.AsArray(), s => (string?)s!["subtype"] == "A_2P");
        var paths = data["microscopes"]!.AsArray().SelectMany(m => m!["opticalConfigs"]!.AsArray())
            .SelectMany(c => c!["filters"]!.AsArray()).Select(f => (string)f!["path"]!).Distinct().Order().ToArray();
        Assert.Equal(["BS", "EM", "EX"], paths);
    }

    [Fact]
    public async Task FpbasepysLookupAndProteinQueriesWork()
    {
        var lookup = await _client.DataAsync("{ dyes { id name slug } proteins { id name slug } }");
        Assert.Contains(lookup["proteins"]!.AsArray(), p => (string?)p!["id"] == "R9NL8" && (string?)p["name"] == "EGFP");

        var data = await _client.DataAsync(
            """
            query getProtein($id: String!) {
                protein(id: $id) {
                    name id seq genbank pdb uniprot mw agg switchType
                    primaryReference { doi } references { doi }
                    states { id name exMax emMax emhex exhex extCoeff qy lifetime spectra { id subtype data } }
                    defaultState { id name exMax emMax emhex exhex extCoeff qy lifetime spectra { id subtype data } }
                }
            }
            """,
            new { id = "R9NL8" });

        var protein = data["protein"]!;
        Assert.Equal(55900, (double)protein["defaultState"]!["extCoeff"]!);
        Assert.Equal("#00ff26", (string?)protein["defaultState"]!["emhex"]);
        Assert.Equal(["2Y0G", "4EUL"], protein["pdb"]!.AsArray().Select(p => (string)p!).ToArray());
        Assert.False(string.IsNullOrEmpty((string?)protein["primaryReference"]!["doi"]));
        Assert.True(protein["references"]!.AsArray().Count > 1);
        Assert.All(protein["states"]!.AsArray().SelectMany(s => s!["spectra"]!.AsArray()), s => Assert.NotEmpty(s!["data"]!.AsArray()));
    }

    [Fact]
    public async Task AMicroscopeIsFoundByAPrefixOfItsIdWithItsFiltersLightsAndCameras()
    {
        var data = await _client.DataAsync(
            """
            query getMicroscope($id: String!) {
                microscope(id: $id) {
                    id name
                    opticalConfigs {
                        name
                        filters { path reflects name spectrum { subtype } filter { id name spectrum { id subtype data } } }
                        camera { id name spectrum { id subtype data } }
                        light { id name spectrum { id subtype data } }
                        laser
                    }
                }
            }
            """,
            new { id = "wKqWbg" });

        var microscope = data["microscope"]!;
        Assert.Equal("wKqWbgApvguSNDSRZNSfpN", (string?)microscope["id"]);
        var configs = microscope["opticalConfigs"]!.AsArray();
        Assert.NotEmpty(configs);
        var filters = configs.SelectMany(c => c!["filters"]!.AsArray()).ToList();
        Assert.NotEmpty(filters);
        Assert.All(filters, f => Assert.Equal((string?)f!["name"], (string?)f["filter"]!["name"]));
    }

    [Fact]
    public async Task DyesAreTheirStatesWithPhotophysics()
    {
        var data = await _client.DataAsync("{ dyes { id name slug exMax emMax dye { name } spectra { subtype } } }");
        var dyes = data["dyes"]!.AsArray();
        Assert.NotEmpty(dyes);
        var first = dyes[0]!;
        var one = await _client.DataAsync("query($id: Int!) { dye(id: $id) { id name exMax emMax extCoeff qy spectra { id subtype data } } }", new { id = int.Parse((string)first["id"]!, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal((string?)first["name"], (string?)one["dye"]!["name"]);
    }

    [Fact]
    public async Task ReferencesOrganismsAndOpticalConfigsAreListed()
    {
        var data = await _client.DataAsync("{ references { doi title authors { familyName } } organisms { id scientificName } opticalConfigs { id name microscope { id } } }");
        Assert.NotEmpty(data["references"]!.AsArray());
        Assert.Contains(data["organisms"]!.AsArray(), o => (string?)o!["scientificName"] == "Aequorea victoria");
        var config = data["opticalConfigs"]!.AsArray()[0]!;
        var one = await _client.DataAsync("query($id: Int!) { opticalConfig(id: $id) { name } }", new { id = int.Parse((string)config["id"]!, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal((string?)config["name"], (string?)one["opticalConfig"]!["name"]);

        var doi = (string)data["references"]!.AsArray()[0]!["doi"]!;
        var reference = await _client.DataAsync("query($doi: String) { reference(doi: $doi) { doi } }", new { doi = doi.ToUpperInvariant() });
        Assert.Equal(doi, (string?)reference["reference"]!["doi"]);
    }

    [Fact]
    public async Task FpbasesNamesForAuthorsTwoPhotonPeakAndWeightAnswer()
    {
        var data = await _client.DataAsync("""{ protein(id: "R9NL8") { seq mw states { twopPeakGm twopPeakgm } } references { authors { family given initials familyName } } }""");

        var protein = data["protein"]!;
        // Computed from the sequence (average masses less a water per peptide bond), in kDa: EGFP is about 27.
        var mw = (double)protein["mw"]!;
        Assert.InRange(mw, 25, 30);
        Assert.Equal(FPbase.Web.Features.Proteins.Api.ProteinWeight.KiloDaltons((string)protein["seq"]!), mw);
        Assert.All(protein["states"]!.AsArray(), s => Assert.Equal(s!["twopPeakgm"]?.ToJsonString(), s["twopPeakGm"]?.ToJsonString()));
        var authors = data["references"]!.AsArray().SelectMany(r => r!["authors"]!.AsArray()).ToList();
        Assert.NotEmpty(authors);
        Assert.All(authors, a => Assert.Equal((string?)a!["familyName"], (string?)a["family"]));
        Assert.Contains(authors, a => !string.IsNullOrEmpty((string?)a!["family"]) && !string.IsNullOrEmpty((string?)a["given"]));
    }

    [Fact]
    public async Task AllProteinsIsFpbasesRelayConnectionPagedByCursorsWithItsFilterArguments()
    {
        // What every protein matching FPbase's name filter is, from the plain list (names or aliases containing it).
        var all = await _client.DataAsync("{ proteins { name aliases } }");
        var expected = all["proteins"]!.AsArray()
            .Where(p => ((string)p!["name"]!).Contains("er", StringComparison.OrdinalIgnoreCase)
                || p["aliases"]!.AsArray().Any(a => ((string)a!).Contains("er", StringComparison.OrdinalIgnoreCase)))
            .Select(p => (string)p!["name"]!)
            .ToList();
        Assert.True(expected.Count > 2, $"the seed has more than a page of proteins named *er*: {expected.Count}");

        // Two at a time, each page after the last one's end cursor, as relay clients page.
        var names = new List<string>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < expected.Count, "paging ends");
            var page = (await _client.DataAsync(
                """query($after: String) { allProteins(name_Icontains: "ER", first: 2, after: $after) { edges { cursor node { id uuid name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""",
                new { after }))["allProteins"]!;
            var edges = page["edges"]!.AsArray();
            Assert.InRange(edges.Count, 1, 2);
            names.AddRange(edges.Select(e => (string)e!["node"]!["name"]!));
            // As in FPbase, where ProteinNode inherits Protein's id (its FPbase ID) over relay's global id, and adds uuid.
            Assert.All(edges, e => Assert.Equal((string?)e!["node"]!["uuid"], (string?)e["node"]!["id"]));
            Assert.Equal(5, ((string)edges[0]!["node"]!["uuid"]!).Length);
            Assert.Equal((string?)edges[^1]!["cursor"], (string?)page["pageInfo"]!["endCursor"]);
            Assert.Equal((string?)edges[0]!["cursor"], (string?)page["pageInfo"]!["startCursor"]);
            after = (string?)page["pageInfo"]!["endCursor"];
            if (!(bool)page["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));

        // Numbers, ranges (a list of two) and choices, by graphene's names for ProteinFilter's parameters.
        var red = (await _client.DataAsync("""{ allProteins(defaultState_EmMax_Gte: 600, defaultState_ExMax_Range: [550, 620], agg: "m") { edges { node { agg defaultState { exMax emMax } } } } }"""))["allProteins"]!["edges"]!.AsArray();
        Assert.NotEmpty(red);
        Assert.All(red, e =>
        {
            var state = e!["node"]!["defaultState"]!;
            Assert.True((double)state["emMax"]! >= 600);
            Assert.InRange((double)state["exMax"]!, 550, 620);
            Assert.Equal("M", (string?)e["node"]!["agg"]);
        });
    }

    [Theory]
    [InlineData("""{ allProteins(first: 101) { edges { node { name } } } }""", "first")]
    [InlineData("""{ allProteins(last: -1) { edges { node { name } } } }""", "last")]
    [InlineData("""{ allProteins(after: "not a cursor") { edges { node { name } } } }""", "cursor")]
    [InlineData("""{ allProteins(defaultState_ExMax_Range: [600]) { edges { node { name } } } }""", "defaultState_ExMax_Range")]
    public async Task AllProteinsRefusesPagesOverTheLimitAndBadArgumentsWithAGraphQLError(string query, string named)
    {
        var response = await _client.SendAsync(GraphQLClient.Post(query));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True((int)response.StatusCode is 200 or 400, $"{(int)response.StatusCode}");
        var message = (string)json["errors"]![0]!["message"]!;
        Assert.Contains(named, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIdsAreNull()
    {
        var data = await _client.DataAsync("""{ protein(id: "ZZZZZ") { id } spectrum(id: 999999) { id } microscope(id: "nope") { id } }""");
        Assert.Null(data["protein"]);
        Assert.Null(data["spectrum"]);
        Assert.Null(data["microscope"]);
    }
}
