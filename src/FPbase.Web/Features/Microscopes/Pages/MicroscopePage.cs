using FPbase.Web.Features.Spectra.Images;

namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>
/// A microscope page: its configs (links), the config shown with its components, the components' spectra (and the
/// chosen fluor's) as one figure, and every fluor's efficiency through the config, brightest first.
/// </summary>
public sealed record MicroscopePage(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<ConfigLink> Configs,
    ShownConfig? Config,
    SpectraPlot Spectra,
    IReadOnlyList<FluorEfficiency> Efficiencies,
    FluorEfficiency? Fluor,
    bool Embedded)
{
    /// <summary>The page's own URL for a config and fluor (the embedded version links to itself).</summary>
    public string Link(string config, string? fluor = null)
        => $"/{(Embedded ? "embedscope" : "microscope")}/{Id}/?c={Uri.EscapeDataString(config)}{(fluor is null ? "" : "&p=" + Uri.EscapeDataString(fluor))}";
}

/// <summary>A config of the microscope, by id and name.</summary>
public sealed record ConfigLink(int Id, string Name);

/// <summary>The config shown: its light (or laser line), camera and filters in the order of the light's path.</summary>
public sealed record ShownConfig(int Id, string Name, string Description, string Comments, string? Light, int? Laser, string? Camera, IReadOnlyList<ShownFilter> Filters);

/// <summary>A filter of the config, where it sits and whether it reflects the emission.</summary>
public sealed record ShownFilter(string Name, string Slug, string Path, bool Reflects);

/// <summary>One fluor through the config: FPbase's scope report row.</summary>
public sealed record FluorEfficiency(string Fluor, string Slug, string OwnerSlug, bool IsDye, string EmHex, double? Excitation, double? BroadExcitation, double? Emission, double? Brightness);
