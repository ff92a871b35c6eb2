using FPbase.Data.Entities;

namespace FPbase.Web.Features.Spectra.Images;

/// <summary>One curve: a spectrum's values on a 1 nm grid from <see cref="MinWave"/>, drawn in <see cref="Color"/>.</summary>
public sealed record PlotSeries(int SpectrumId, string Label, string Subtype, string Color, int MinWave, float[] Values)
{
    public int MaxWave => MinWave + Values.Length - 1;
}

/// <summary>
/// What a spectra figure shows: the owner's name, FPbase's info lines (ex/em maxima, EC and QY of the
/// default state) and the curves. Two-photon spectra are left out, as FPbase's image leaves them out.
/// </summary>
public sealed record SpectraPlot(string Title, IReadOnlyList<string> Info, IReadOnlyList<PlotSeries> Series)
{
    public bool IsEmpty => Series.Count == 0;

    /// <summary>FPbase's colour of a fluorophore's spectrum: emission in the state's emission colour, the rest in its excitation colour.</summary>
    public static PlotSeries SeriesOf(Spectrum spectrum, FluorescentState state)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ArgumentNullException.ThrowIfNull(state);
        var color = spectrum.Subtype == SpectrumSubtype.Emission ? state.EmHex : state.ExHex;
        var label = state.Name is "default" or "" ? state.OwnerName : $"{state.OwnerName} ({state.Name})";
        return new PlotSeries(spectrum.Id, label, spectrum.Subtype.ToCode(), color, spectrum.MinWave, spectrum.Values);
    }

    public static IReadOnlyList<string> InfoOf(FluorescentState? state)
        => state is null
            ? []
            : [$"Ex/Em λ: {Show(state.ExMax)}/{Show(state.EmMax)}", $"EC: {Show(state.ExtCoeff)}  QY: {Show(state.Qy)}"];

    private static string Show<T>(T? value)
        where T : struct, IFormattable
        => value is { } v ? v.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : "None";
}
