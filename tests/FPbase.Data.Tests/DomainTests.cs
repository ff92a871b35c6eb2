using FPbase.Data.Domain;
using FPbase.Data.Entities;

namespace FPbase.Data.Tests;

public class DomainTests
{
    [Theory]
    [InlineData("mRFP1.2", "mrfp12")]
    [InlineData("EGFP", "egfp")]
    [InlineData("T-Sapphire", "t-sapphire")]
    [InlineData("  mNeonGreen  ", "mneongreen")]
    [InlineData("PA-mCherry1", "pa-mcherry1")]
    [InlineData("mEos3.2 (red)", "meos32-red")]
    [InlineData("Dronpa - 2", "dronpa-2")]
    [InlineData("_under_score_", "under_score")]
    [InlineData("Müller's GFP", "mullers-gfp")]
    [InlineData("Förster", "forster")]
    public void SlugifyFollowsDjangoSemantics(string name, string slug) => Assert.Equal(slug, Slugify.Apply(name));

    [Fact]
    public void SlugifyRemovesDotsAndLowercases() => Assert.Equal("mrfp12", Slugify.Apply("mRFP1.2"));

    [Fact]
    public void ProductSlugsTurnSlashesIntoHyphens() => Assert.Equal("chroma-et525-50m", Slugify.ForProduct("Chroma ET525/50m"));

    [Theory]
    [InlineData(488, "#00f4ff")]
    [InlineData(507, "#00ff26")]
    [InlineData(587, "#ff4600")]
    [InlineData(610, "#f70000")]
    public void WaveToHexMatchesFpbase(int wave, string hex) => Assert.Equal(hex, WaveToHex.Convert(wave));

    [Fact]
    public void WaveToHexOfMissingWavelengthIsBlack() => Assert.Equal("#000", WaveToHex.Convert(null));

    [Theory]
    [InlineData(55900, 0.6, 33.54)]
    [InlineData(72000, 0.22, 15.84)]
    [InlineData(33333, 0.333, 11.1)]
    [InlineData(20000, 0.7, 14.0)]
    public void BrightnessIsExtCoeffTimesQyOverThousandRoundedToTwoDecimals(int ec, double qy, double expected)
        => Assert.Equal(expected, Photophysics.Brightness(ec, qy));

    [Fact]
    public void SettingExtCoeffAndQyStoresBrightnessAndWavelengthsStoreColours()
    {
        var state = new State { ExMax = 488, EmMax = 507, ExtCoeff = 55900, Qy = 0.6 };
        Assert.Equal(33.54, state.Brightness);
        Assert.Equal("#00f4ff", state.ExHex);
        Assert.Equal("#00ff26", state.EmHex);

        state.Qy = 0.5;
        Assert.Equal(27.95, state.Brightness);

        state.IsDark = true;
        Assert.Equal("#000", state.EmHex);
    }

    [Theory]
    [InlineData("Chroma ET525/50m", 525, 50, null, "bm")]
    [InlineData("Semrock FF01-562/40", 562, 40, null, "bp")]
    [InlineData("Chroma ET395/25x", 395, 25, null, "bx")]
    [InlineData("Chroma T425lpxr", null, null, 425.0, "lp")]
    [InlineData("Semrock FF495-Di03", null, null, 495.0, "bs")]
    [InlineData("Semrock Di01-T405/488/568/647", null, null, null, "bs")]
    [InlineData("Semrock FF02-641/75", 641, 75, null, "bp")]
    public void FilterNamesAreParsedLikeFpbase(string name, int? center, int? width, double? edge, string subtype)
    {
        var parsed = FilterNameParser.Parse(name);
        Assert.Equal(center, parsed.Bandcenter);
        Assert.Equal(width, parsed.Bandwidth);
        Assert.Equal(edge, parsed.Edge);
        Assert.Equal(subtype, parsed.Subtype.ToCode());
    }

    [Fact]
    public void FilterApplyNameSetsSlugAndBand()
    {
        var filter = new Filter();
        filter.ApplyName("Chroma ET525/50m");
        Assert.Equal("chroma-et525-50m", filter.Slug);
        Assert.Equal(525, filter.Bandcenter);
        Assert.Equal(50, filter.Bandwidth);
    }

    [Fact]
    public void ProteinUuidsUseFpbaseAlphabetWithoutIOrZero()
    {
        var rng = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            var uuid = ShortUuid.ProteinUuid(rng);
            Assert.Equal(5, uuid.Length);
            Assert.DoesNotContain('I', uuid);
            Assert.DoesNotContain('0', uuid);
            Assert.All(uuid, c => Assert.Contains(c, ShortUuid.ProteinAlphabet));
        }
    }

    [Fact]
    public void MicroscopeIdsAreTwentyTwoCharactersOfTheShortuuidAlphabet()
    {
        var rng = new Random(2);
        var ids = Enumerable.Range(0, 500).Select(_ => ShortUuid.MicroscopeId(rng)).ToList();
        Assert.All(ids, id => Assert.Equal(22, id.Length));
        Assert.All(ids, id => Assert.All(id, c => Assert.Contains(c, ShortUuid.MicroscopeAlphabet)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void EnumsRoundTripThroughFpbaseCodes()
    {
        Assert.Equal("wd", Aggregation.WeakDimer.ToCode());
        Assert.Equal(SpectrumSubtype.TwoPhoton, FpbaseCodes.Parse<SpectrumSubtype>("2p"));
        Assert.Equal(["m", "d", "td", "wd", "t"], FpbaseCodes.Codes<Aggregation>());
    }

    [Fact]
    public void ReferenceCitationFollowsAuthorCount()
    {
        var reference = new Reference { Year = 1996, Doi = "10.1016/0378-1119(95)00685-0" };
        reference.UpdateCitation(["Cormack", "Valdivia", "Falkow"]);
        Assert.Equal("Cormack et al. (1996)", reference.Citation);
        reference.UpdateCitation(["Stoddard", "Rolland"]);
        Assert.Equal("Stoddard & Rolland (1996)", reference.Citation);
        reference.UpdateCitation(["Tsien"]);
        Assert.Equal("Tsien (1996)", reference.Citation);
    }

    [Fact]
    public void SpectrumValuesAreStoredAsLittleEndianFloat32()
    {
        float[] values = [0f, 0.0962f, 1f, 3.6957f, 1e-7f];
        var bytes = Configurations.SpectrumValuesConversion.ToBytes(values);
        Assert.Equal(values.Length * 4, bytes.Length);
        Assert.Equal(new byte[] { 0, 0, 0x80, 0x3f }, bytes[8..12]); // 1.0f little-endian
        Assert.Equal(values, Configurations.SpectrumValuesConversion.FromBytes(bytes));
    }

    [Fact]
    public void DoiIsStoredLowercased() => Assert.Equal("10.1016/s0006-3495(97)78307-3", new Reference { Doi = "10.1016/S0006-3495(97)78307-3" }.Doi);
}
