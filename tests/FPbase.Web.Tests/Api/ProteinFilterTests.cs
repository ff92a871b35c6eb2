using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Api;

/// <summary>FPbase's protein filters (django-filter lookups) on /api/proteins/, checked against the database.</summary>
public sealed class ProteinFilterTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    private async Task<IReadOnlyList<string>> SlugsAsync(string query) => (await _client.GetJsonAsync("/api/proteins/?" + query)).Slugs();

    private Task<List<string>> ExpectedAsync(Func<IQueryable<Protein>, IQueryable<Protein>> filter)
        => site.App.WithDbAsync(db => filter(db.Proteins).OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Slug).ToListAsync());

    [Fact]
    public async Task NameIexactIgnoresCase()
        => Assert.Equal(["egfp"], await SlugsAsync("name__iexact=eGfP"));

    [Fact]
    public async Task NameIcontainsMatchesNamesAndAliases()
    {
        Assert.Contains("egfp", await SlugsAsync("name__icontains=GFP"));
        Assert.Contains("egfp", await SlugsAsync("name__icontains=GFPmut1")); // an alias only
        Assert.DoesNotContain("mcherry", await SlugsAsync("name__icontains=gfp"));
    }

    [Fact]
    public async Task NameStartsAndEndsWith()
    {
        Assert.Contains("egfp", await SlugsAsync("name__istartswith=eg"));
        Assert.Contains("mcherry", await SlugsAsync("name__iendswith=CHERRY"));
    }

    [Fact]
    public async Task ExMaxAroundIsWithinTwentyNanometres()
    {
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.DefaultState!.ExMax > 467 && p.DefaultState.ExMax < 509)), await SlugsAsync("default_state__ex_max__around=488"));
        Assert.Contains("egfp", await SlugsAsync("default_state__ex_max__around=508"));
        Assert.DoesNotContain("egfp", await SlugsAsync("default_state__ex_max__around=509"));
    }

    [Fact]
    public async Task LteGteRangeAndExact()
    {
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.DefaultState!.EmMax <= 507)), await SlugsAsync("default_state__em_max__lte=507"));
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.DefaultState!.Qy >= 0.6)), await SlugsAsync("default_state__qy__gte=0.6"));
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.DefaultState!.Brightness >= 30 && p.DefaultState.Brightness <= 40)), await SlugsAsync("default_state__brightness__range=30,40"));
        Assert.Contains("egfp", await SlugsAsync("default_state__ext_coeff=55900"));
        Assert.Contains("egfp", await SlugsAsync("default_state__ex_max=488"));
    }

    [Fact]
    public async Task LtAndGtOnThePrimaryReferencesYear()
    {
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.PrimaryReference!.Year < 2000)), await SlugsAsync("primary_reference__year__lt=2000"));
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.PrimaryReference!.Year > 2000)), await SlugsAsync("primary_reference__year__gt=2000"));
        Assert.Contains("egfp", await SlugsAsync("primary_reference__year__lt=1997"));
        Assert.DoesNotContain("egfp", await SlugsAsync("primary_reference__year__gt=1996"));
    }

    [Fact]
    public async Task ChoiceAndIdentifierFilters()
    {
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.Agg == Aggregation.WeakDimer)), await SlugsAsync("agg=wd"));
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.SwitchType != SwitchType.Basic)), await SlugsAsync("switch_type__ne=b"));
        Assert.Equal(["egfp"], await SlugsAsync("uuid__iexact=r9nl8"));
        Assert.Equal(["egfp"], await SlugsAsync("genbank__iexact=aab02572"));
        Assert.Equal(["egfp"], await SlugsAsync("pdb__contains=2Y0G,4EUL"));
        Assert.Equal(["egfp"], await SlugsAsync("slug=egfp&status=approved"));
        Assert.Equal(await ExpectedAsync(q => q.Where(p => p.ParentOrganismId == 6100)), await SlugsAsync("parent_organism=6100"));
    }

    [Fact]
    public async Task SequenceFiltersIncludingTranslatedCdna()
    {
        Assert.Contains("egfp", await SlugsAsync("seq__istartswith=mvskgeelf"));
        Assert.Contains("egfp", await SlugsAsync("seq__icontains=GEGEG%20DATYG"));
        // ATG GTG AGC AAG GGC GAG GAG = M V S K G E E
        Assert.Contains("egfp", await SlugsAsync("seq__cdna_contains=ATGGTGAGCAAGGGCGAGGAG"));
    }

    [Fact]
    public async Task AuthorAndBleachFiltersFollowTheirLinks()
    {
        Assert.Equal(
            await ExpectedAsync(q => q.Where(p => p.PrimaryReference!.ReferenceAuthors.Any(ra => ra.Author.FamilyName.ToLower().Contains("a")))),
            await SlugsAsync("primary_reference__author__family__icontains=A"));
        Assert.Equal(
            await ExpectedAsync(q => q.Where(p => p.DefaultState!.BleachMeasurements.Any(b => b.Rate >= 10))),
            await SlugsAsync("default_state__bleach_measurements__rate__gte=10"));
    }

    [Fact]
    public async Task SpectralBrightnessSplitsTheProteinsWithADefaultState()
    {
        var above = await SlugsAsync("spectral_brightness__gt=1");
        var below = await SlugsAsync("spectral_brightness__lt=1");
        var equal = await SlugsAsync("spectral_brightness=1");
        var withDefault = await ExpectedAsync(q => q.Where(p => p.DefaultState != null));
        Assert.Empty(above.Intersect(below));
        Assert.Equal(withDefault.Order(), above.Concat(below).Concat(equal).Order());
    }

    [Fact]
    public async Task FiltersCombineAndEmptyValuesAreIgnored()
    {
        Assert.Equal(["egfp"], await SlugsAsync("name__icontains=gfp&default_state__ex_max__around=488&agg=wd&uuid__iexact=R9NL8"));
        Assert.Equal(await ExpectedAsync(q => q), await SlugsAsync("name__icontains=&agg="));
    }

    [Theory]
    [InlineData("/api/proteins/?name__contains=gfp", "name__contains")]
    [InlineData("/api/proteins/?pdb_id__exact=2Y0G", "pdb_id__exact")]
    [InlineData("/api/proteins/?default_state__ex_max__lt=500", "default_state__ex_max__lt")]
    [InlineData("/api/proteins/?default_state__ex_max__around=blue", "default_state__ex_max__around")]
    [InlineData("/api/proteins/?default_state__qy__range=0.5", "default_state__qy__range")]
    [InlineData("/api/proteins/?default_state__qy__range=a,b", "default_state__qy__range")]
    [InlineData("/api/proteins/?primary_reference__year__gt=NaN", "primary_reference__year__gt")]
    [InlineData("/api/proteins/?agg=monomer", "agg")]
    [InlineData("/api/proteins/?id=1.5", "id")]
    [InlineData("/api/proteins/?seq__cdna_contains=ATGXYZ", "seq__cdna_contains")]
    [InlineData("/api/proteins/?format=xml", "format")]
    [InlineData("/api/proteins/?name__icontains=gf%00p", "name__icontains")]
    [InlineData("/api/proteins/basic/?agg=zz", "agg")]
    [InlineData("/api/proteins/table-data/?format=csv", "format")]
    [InlineData("/api/proteins/spectra/?default_state__em_max__gte=red", "default_state__em_max__gte")]
    public async Task AnUnknownFilterOrUnusableValueIsA400NamingIt(string url, string parameter)
        => await _client.AssertBadParameterAsync(url, parameter);
}
