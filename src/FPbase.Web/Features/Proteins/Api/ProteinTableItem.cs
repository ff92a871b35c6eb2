using System.Text.Json.Serialization;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>One protein of <c>/api/proteins/table-data/</c>: FPbase's ProteinTableSerializer, fields in its order.</summary>
public sealed record ProteinTableItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("states")] IReadOnlyList<ProteinTableStateItem> States,
    [property: JsonPropertyName("agg")] string Agg,
    [property: JsonPropertyName("switch_type")] string SwitchType,
    [property: JsonPropertyName("aliases")] IReadOnlyList<string> Aliases,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("weight")] double? Weight);

/// <summary>A non-dark state as the protein table shows it.</summary>
public sealed record ProteinTableStateItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ex_max")] int? ExMax,
    [property: JsonPropertyName("em_max")] int? EmMax,
    [property: JsonPropertyName("stokes")] int? Stokes,
    [property: JsonPropertyName("ext_coeff")] int? ExtCoeff,
    [property: JsonPropertyName("qy")] double? Qy,
    [property: JsonPropertyName("brightness")] double? Brightness,
    [property: JsonPropertyName("pka")] double? Pka,
    [property: JsonPropertyName("maturation")] double? Maturation,
    [property: JsonPropertyName("lifetime")] double? Lifetime,
    [property: JsonPropertyName("exhex")] string ExHex,
    [property: JsonPropertyName("emhex")] string EmHex,
    [property: JsonPropertyName("is_dark")] bool IsDark);
