using System.Text.Json.Serialization;

namespace FPbase.Web.Features.Spectra.Owner;

/// <summary><c>{"spectra": [...]}</c>, FPbase's shape.</summary>
public sealed record OwnerSpectraResponse([property: JsonPropertyName("spectra")] IReadOnlyList<OwnerSpectrum> Spectra);

/// <summary>
/// One spectrum as FPbase's <c>Spectrum.d3dict()</c> writes it, fields in its order. <c>peak</c> is the peak
/// wavelength or <c>false</c>. A protein or dye spectrum also has <see cref="Fluorophore"/>'s fields, last:
/// <c>scalar</c> (EC for ex/ab, QY for em, the 2P cross-section for 2p) and <c>ex_max</c>, <c>em_max</c> or
/// <c>twop_qy</c>, null when unknown, as FPbase adds them only there.
/// </summary>
public sealed record OwnerSpectrum(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("values")] D3Values Values,
    [property: JsonPropertyName("peak")] object Peak,
    [property: JsonPropertyName("minwave")] int MinWave,
    [property: JsonPropertyName("maxwave")] int MaxWave,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("color")] string Color,
    [property: JsonPropertyName("area")] bool Area,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("classed")] string Classed)
{
    [JsonExtensionData]
    public Dictionary<string, object?>? Fluorophore { get; init; }
}
