using System.Text.Json.Serialization;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>One protein of <c>/api/proteins/</c>: FPbase's ProteinSerializer, fields in its order.</summary>
public sealed record ProteinItem(
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
    [property: JsonPropertyName("doi")] string? Doi);

/// <summary>A state as FPbase's StateSerializer shows it by default (its on-demand fields left out).</summary>
public sealed record ProteinStateItem(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ex_max")] int? ExMax,
    [property: JsonPropertyName("em_max")] int? EmMax,
    [property: JsonPropertyName("ext_coeff")] int? ExtCoeff,
    [property: JsonPropertyName("qy")] double? Qy,
    [property: JsonPropertyName("pka")] double? Pka,
    [property: JsonPropertyName("maturation")] double? Maturation,
    [property: JsonPropertyName("lifetime")] double? Lifetime,
    [property: JsonPropertyName("brightness")] double? Brightness);

/// <summary>A light-induced transition, states by slug.</summary>
public sealed record StateTransitionItem(
    [property: JsonPropertyName("from_state")] string FromState,
    [property: JsonPropertyName("to_state")] string ToState,
    [property: JsonPropertyName("trans_wave")] int? TransWave);
