using FPbase.Data.Domain.Fret;
using FPbase.Data.Seeding;

namespace FPbase.Data.Tests.Fret;

/// <summary>Which pairs FPbase's Förster list holds, in which order, and that the fast list agrees with the formula pair by pair.</summary>
public sealed class ForsterListTests
{
    private static readonly GridSpectrum Band = new(400, Enumerable.Range(0, 301).Select(i => (float)Math.Exp(-Math.Pow((i - 150) / 60.0, 2))).ToArray());

    private static FretFluor Fluor(string slug, int exMax, bool listable = true, double? qy = 0.5, int? ec = 50_000, bool emission = true, bool absorption = true)
        => new(new FretProtein(slug, slug.ToUpperInvariant(), "", listable, exMax, exMax + 20, qy, ec), emission ? Band : null, absorption ? Band : null);

    [Fact]
    public void OnlyMonomericBasicProteinsWithEmissionArePairedAndTheAcceptorIsAlwaysRedderThanTheDonor()
    {
        var fluors = new[]
        {
            Fluor("blue", 400),
            Fluor("green", 490),
            Fluor("red", 590),
            Fluor("dimer", 500, listable: false),
            Fluor("dark", 520, emission: false),
            Fluor("noqy", 540, qy: null),
            Fluor("noec", 560, ec: 0),
            Fluor("greentwin", 490),
        };

        var pairs = ForsterList.Compute(fluors).Select(p => $"{p.Donor.Slug}>{p.Acceptor.Slug}").Order(StringComparer.Ordinal);

        // noqy can be neither (a donor needs a QY, FPbase's forsterQYA needs the acceptor's); noec only a donor;
        // green and greentwin share an ex_max, so neither is the other's acceptor.
        Assert.Equal(
            ["blue>green", "blue>greentwin", "blue>red", "green>red", "greentwin>red", "noec>red"],
            pairs);
    }

    [Fact]
    public void TheSampleAloneGivesAnEmptyListBecauseFpbaseCountsEgfpAsAWeakDimer()
        => Assert.Empty(ForsterList.Compute(SeedFluors.Of(SampleImporter.Load())));

    [Fact]
    public void AMonomericEgfpWouldBeListedAsMcherrysDonorWithTheSameRadiusAsThePairOnDemand()
    {
        var (egfp, mcherry) = SeedFluors.Sample();
        var monomeric = egfp with { Protein = egfp.Protein with { Listable = true } };

        var list = ForsterList.Compute([mcherry, monomeric]);

        var pair = Assert.Single(list);
        Assert.Equal(("egfp", "mcherry"), (pair.Donor.Slug, pair.Acceptor.Slug));
        Assert.Equal(Forster.Pair(monomeric, mcherry), pair);
    }

    [Fact]
    public void TheListAgreesPairByPairWithTheFormulaOnAGeneratedSeedAndIsSortedByRadius()
    {
        var fluors = SeedFluors.Of(DatabaseSeeder.BuildData(new SeedOptions { Proteins = 300, Spectra = 2000 }));

        var list = ForsterList.Compute(fluors);

        // FPbase's loop, literally: every listable donor with every listable acceptor, one pair at a time.
        var listable = fluors.Where(f => f.Protein.Listable && f.Emission is not null && f.Protein.ExMax is not null && f.Protein.EmMax is not null).ToList();
        var expected = new Dictionary<(string, string), ForsterPair>();
        foreach (var donor in listable)
        {
            foreach (var acceptor in listable)
            {
                if (acceptor.Protein.ExMax > donor.Protein.ExMax && acceptor.Protein.Qy is not null && Forster.Pair(donor, acceptor) is { } pair)
                {
                    expected[(donor.Protein.Slug, acceptor.Protein.Slug)] = pair;
                }
            }
        }

        Assert.True(expected.Count > 100, $"only {expected.Count} pairs: the seed no longer exercises the list");
        Assert.Equal(expected.Count, list.Length);
        foreach (var pair in list)
        {
            var reference = expected[(pair.Donor.Slug, pair.Acceptor.Slug)];
            Assert.Equal(reference.Forster, pair.Forster, 0.010001);
            Assert.Equal(reference.Overlap, pair.Overlap, 0.010001);
        }

        for (var i = 1; i < list.Length; i++)
        {
            Assert.True(ForsterList.Order(list[i - 1], list[i]) < 0, $"pairs {i - 1} and {i} are out of order");
        }
    }
}
