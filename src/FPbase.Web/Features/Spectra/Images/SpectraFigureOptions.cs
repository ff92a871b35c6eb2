namespace FPbase.Web.Features.Spectra.Images;

/// <summary>
/// FPbase's spectra_img parameters: <c>xlim</c> (wavelength range, default the spectra's own), <c>fill</c>
/// (filled curves at half opacity, default true; else lines), <c>transparent</c> (no background, default
/// true), <c>grid</c> (faint grid, 10 nm minor lines, default false), <c>title</c> (owner name and info
/// lines, default false), <c>xlabels</c> (wavelength ticks every 50 nm, default true).
/// The figure is FPbase's 12 × 3 inches at 70 dpi: 840 × 210 pixels.
/// </summary>
public sealed record SpectraFigureOptions(
    int? XMin = null,
    int? XMax = null,
    bool Fill = true,
    bool Transparent = true,
    bool Grid = false,
    bool Title = false,
    bool XLabels = true)
{
    public const int Width = 840;
    public const int Height = 210;
    public const int MinWavelength = 300;
    public const int MaxWavelength = 1600;

    /// <summary>The options of the inline chart on a protein page.</summary>
    public static SpectraFigureOptions Page { get; } = new(Grid: true);
}
