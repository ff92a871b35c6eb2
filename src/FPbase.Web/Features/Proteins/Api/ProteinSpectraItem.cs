using System.Text.Json.Serialization;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Spectra.Api;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>One protein of <c>/api/proteins/spectra/</c>: FPbase's ProteinSpectraSerializer.</summary>
public sealed record ProteinSpectraItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("spectra")] IReadOnlyList<StateSpectrumItem> Spectra);

/// <summary>
/// A state's excitation (<c>"{state}_ex"</c>, with <c>ec</c>) or emission (<c>"{state}_em"</c>, with <c>qy</c>) spectrum.
/// </summary>
[JsonDerivedType(typeof(ExcitationSpectrumItem))]
[JsonDerivedType(typeof(EmissionSpectrumItem))]
public abstract record StateSpectrumItem([property: JsonPropertyName("state"), JsonPropertyOrder(-1)] string State);

public sealed record ExcitationSpectrumItem(
    string State,
    [property: JsonPropertyName("ec")] int? Ec,
    [property: JsonPropertyName("max")] int? Max,
    [property: JsonPropertyName("data")] SpectrumValues Data) : StateSpectrumItem(State);

public sealed record EmissionSpectrumItem(
    string State,
    [property: JsonPropertyName("qy")] double? Qy,
    [property: JsonPropertyName("max")] int? Max,
    [property: JsonPropertyName("data")] SpectrumValues Data) : StateSpectrumItem(State);
