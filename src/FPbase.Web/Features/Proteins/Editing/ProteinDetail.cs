using System.Text.Json.Serialization;
using FPbase.Web.Features.Editing;
using FPbase.Web.Features.Proteins.Api;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>
/// One protein, <c>GET /api/proteins/{slug}/</c>: FPbase's ProteinSerializer fields (as in <c>/api/proteins/</c>)
/// plus what the edit routes change: references, excerpts and bleach measurements. The write routes answer it too.
/// </summary>
public sealed record ProteinDetail(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("seq")] string? Seq,
    [property: JsonPropertyName("ipg_id")] string? IpgId,
    [property: JsonPropertyName("genbank")] string? Genbank,
    [property: JsonPropertyName("uniprot")] string? Uniprot,
    [property: JsonPropertyName("pdb")] IReadOnlyList<string> Pdb,
    [property: JsonPropertyName("agg")] string Agg,
    [property: JsonPropertyName("switch_type")] string SwitchType,
    [property: JsonPropertyName("states")] IReadOnlyList<ProteinStateItem> States,
    [property: JsonPropertyName("transitions")] IReadOnlyList<StateTransitionItem> Transitions,
    [property: JsonPropertyName("doi")] string? Doi,
    [property: JsonPropertyName("references")] IReadOnlyList<string> References,
    [property: JsonPropertyName("excerpts")] IReadOnlyList<ExcerptItem> Excerpts,
    [property: JsonPropertyName("bleach_measurements")] IReadOnlyList<BleachItem> BleachMeasurements);

public sealed record ExcerptItem(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("reference")] string? Reference,
    [property: JsonPropertyName("status")] string Status);

public sealed record BleachItem(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("rate")] double Rate,
    [property: JsonPropertyName("power")] double? Power,
    [property: JsonPropertyName("units")] string Units,
    [property: JsonPropertyName("light")] string? Light,
    [property: JsonPropertyName("modality")] string? Modality,
    [property: JsonPropertyName("in_cell")] int InCell,
    [property: JsonPropertyName("reference")] string? Reference);
