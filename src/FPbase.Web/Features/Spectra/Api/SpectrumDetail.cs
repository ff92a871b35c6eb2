using System.Text.Json.Serialization;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary><c>/api/spectrum/{id}/</c>: FPbase's SpectrumSerializer, fields in its order.</summary>
public sealed record SpectrumDetail(
    [property: JsonPropertyName("data")] SpectrumValues Data,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subtype")] string Subtype,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner_id")] int OwnerId,
    [property: JsonPropertyName("owner_slug")] string OwnerSlug,
    [property: JsonPropertyName("protein_name")] string? ProteinName,
    [property: JsonPropertyName("protein_slug")] string? ProteinSlug,
    [property: JsonPropertyName("color")] string Color,
    [property: JsonPropertyName("min_wave")] int MinWave,
    [property: JsonPropertyName("max_wave")] int MaxWave,
    [property: JsonPropertyName("peak_wave")] int? PeakWave);
