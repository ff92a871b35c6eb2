using FPbase.Data.Domain.Fret;

namespace FPbase.Data.Tests.Fret;

/// <summary>FPbase's Förster maths on the real EGFP and mCherry records and on spectra whose answer is known in closed form.</summary>
public sealed class ForsterTests
{
    [Fact]
    public void EgfpToMcherryGetsTheRadiusFpbasesFormulaGivesOnTheSampleRecords()
    {
        var (egfp, mcherry) = SeedFluors.Sample();

        var pair = Forster.Pair(egfp, mcherry);

        // FPbase's forsterDist applied in Python (doubles) to the sample file's points: J = 1.9440e15, R0 = 52.8827 Å.
        // (fpbase.org shows about 51 Å today, with newer spectra than the 2018 sample holds.)
        Assert.NotNull(pair);
        Assert.Equal(1.94, pair.Value.Overlap);
        Assert.Equal(52.88, pair.Value.Forster);
        Assert.Equal(11.63, pair.Value.ForsterQya);
        Assert.Equal(610 - 507, pair.Value.EmDistance);
    }

    [Fact]
    public void McherryToEgfpOverlapsLittleBecauseMcherryEmitsWhereEgfpHardlyAbsorbs()
    {
        var (egfp, mcherry) = SeedFluors.Sample();

        var forward = Forster.Pair(egfp, mcherry)!.Value.Forster;
        var backward = Forster.Pair(mcherry, egfp)!.Value.Forster;

        Assert.InRange(backward, 0.1, forward / 2);
    }

    [Fact]
    public void TheOverlapOfBoxSpectraIsTheClosedFormSum()
    {
        // Donor: 1 on 500..509 nm (area 10). Acceptor: 0.5 on 505..520 nm, EC 1000. Common range 505..509.
        var donor = new GridSpectrum(500, Enumerable.Repeat(1f, 10).ToArray());
        var acceptor = new GridSpectrum(505, Enumerable.Repeat(0.5f, 16).ToArray());
        var fourthPowers = new[] { 505.0, 506, 507, 508, 509 }.Sum(w => w * w * w * w);

        var j = Forster.OverlapIntegral(donor, acceptor, 1000);

        Assert.NotNull(j);
        Assert.Equal(0.5 * 1000 / 10 * fourthPowers, j.Value, 1e-9 * j.Value);
    }

    [Fact]
    public void SpectraThatDoNotOverlapHaveZeroOverlapAndZeroRadius()
    {
        var donor = new GridSpectrum(400, [0.2f, 1f, 0.2f]);
        var acceptor = new GridSpectrum(600, [0.2f, 1f, 0.2f]);

        Assert.Equal(0, Forster.OverlapIntegral(donor, acceptor, 50_000));
        Assert.Equal(0, Forster.Radius(0.8, 0));
    }

    [Fact]
    public void AnEmissionThatSumsToZeroHasNoOverlapWhereFpbaseWouldDivideByZero()
    {
        var donor = new GridSpectrum(500, [0f, 0f, 0f]);
        var acceptor = new GridSpectrum(500, [1f, 1f, 1f]);

        Assert.Null(Forster.OverlapIntegral(donor, acceptor, 50_000));
    }

    [Fact]
    public void TheRadiusGrowsWithTheSixthRootOfOverlapAndQuantumYield()
    {
        var r = Forster.Radius(0.5, 2e15);

        Assert.Equal(2 * r, Forster.Radius(0.5, 64 * 2e15), 1e-9);
        Assert.Equal(2 * r, Forster.Radius(0.5 * 64, 2e15), 1e-9);
        Assert.Equal(0.2108 * Math.Pow(0.5 * (2.0 / 3) * Math.Pow(1.329, -4) * 2e15, 1.0 / 6), r, 1e-9);
    }

    [Fact]
    public void ANegativeOverlapGivesTheRealPartOfPythonsComplexSixthRoot()
        => Assert.Equal(Forster.Radius(0.5, 1e15) * Math.Cos(Math.PI / 6), Forster.Radius(0.5, -1e15), 1e-9);

    [Fact]
    public void APairNeedsTheDonorsEmissionAndQuantumYieldAndTheAcceptorsAbsorptionAndExtinctionCoefficient()
    {
        var (egfp, mcherry) = SeedFluors.Sample();

        Assert.Null(Forster.Pair(egfp with { Emission = null }, mcherry));
        Assert.Null(Forster.Pair(egfp with { Protein = egfp.Protein with { Qy = 0 } }, mcherry));
        Assert.Null(Forster.Pair(egfp, mcherry with { Absorption = null }));
        Assert.Null(Forster.Pair(egfp, mcherry with { Protein = mcherry.Protein with { ExtCoeff = null } }));
        Assert.Null(Forster.Pair(egfp, mcherry with { Protein = mcherry.Protein with { Qy = null } })!.Value.ForsterQya);
    }
}
