using FPbase.Data.Domain.Fret;
using FPbase.Data.Domain.Microscopes;

namespace FPbase.Data.Tests.Microscopes;

/// <summary>FPbase's efficiency formulas on spectra whose areas can be worked out by hand.</summary>
public sealed class OpticalEfficiencyTests
{
    // A flat spectrum of value v from min to max nm: trapezoid area v × (max − min).
    private static GridSpectrum Flat(int min, int max, float value) => new(min, Enumerable.Repeat(value, max - min + 1).ToArray());

    [Fact]
    public void TheProductCoversOnlyTheRangeAllSpectraShareAndIsEmptyWithoutOverlap()
    {
        var product = OpticalEfficiency.Product([Flat(400, 600, 0.5f), Flat(500, 700, 0.4f)])!.Value;
        Assert.Equal(500, product.MinWave);
        Assert.Equal(600, product.MaxWave);
        Assert.All(product.Values, v => Assert.Equal(0.2f, v, 1e-6f));
        Assert.Empty(OpticalEfficiency.Product([Flat(400, 450, 1), Flat(500, 550, 1)])!.Value.Values);
        Assert.Null(OpticalEfficiency.Product([]));
    }

    [Fact]
    public void EmissionEfficiencyIsTheShareOfTheFluorsEmissionThatPassesAndBrightnessFollowsFpbase()
    {
        // Emission 500–600 at 1; the emission path passes half of it everywhere, and nothing is outside 550–600.
        var fluorEm = Flat(500, 600, 1);
        var configEm = Flat(550, 700, 0.5f);
        // Excitation: a 488 nm laser line where the fluor's excitation is 0.8 everywhere around it.
        var fluorEx = Flat(400, 520, 0.8f);
        var laser = OpticalEfficiency.Laser(488);

        var e = OpticalEfficiency.Of(laser, configEm, fluorEx, fluorEm, extCoeff: 50_000, qy: 0.6);

        Assert.Equal(Math.Round(0.5 * 50 / 100, 3), e.Emission); // area 0.5 × 50 over area 100
        Assert.Equal(0.8, e.Excitation!.Value, 3); // the laser's unit area, times 0.8
        Assert.Equal(Math.Round(0.8 * 1 / (0.8 * 120), 3), e.BroadExcitation); // overlap 0.8 over the fluor's 0.8 × 120
        Assert.Equal(Math.Round(e.Emission!.Value * e.Excitation.Value * 50_000 * 0.6 / 1000, 3), e.Brightness);
    }

    [Fact]
    public void ReflectionInvertsAndMissingPathsOrPhotophysicsGiveNoValue()
    {
        Assert.Equal([0.75f, 0f], OpticalEfficiency.Invert(new GridSpectrum(500, [0.25f, 1f])).Values);

        var onlyEm = OpticalEfficiency.Of(null, Flat(500, 600, 1), Flat(400, 500, 1), Flat(500, 600, 1), 10_000, 0.5);
        Assert.Null(onlyEm.Excitation);
        Assert.Equal(1, onlyEm.Emission);
        Assert.Null(onlyEm.Brightness);

        var noQy = OpticalEfficiency.Of(Flat(450, 500, 1), Flat(500, 600, 1), Flat(400, 500, 1), Flat(500, 600, 1), 10_000, null);
        Assert.NotNull(noQy.Excitation);
        Assert.Null(noQy.Brightness);

        var apart = OpticalEfficiency.Of(Flat(300, 350, 1), Flat(700, 800, 1), Flat(400, 500, 1), Flat(500, 600, 1), 10_000, 0.5);
        Assert.Equal(0, apart.Excitation);
        Assert.Equal(0, apart.Emission);
        Assert.Null(apart.Brightness);
    }
}
