using System.Text.Json.Serialization;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>One protein of <c>/api/proteins/basic/</c>: FPbase's BasicProteinSerializer (default state values flattened), fields in its order.</summary>
public sealed record BasicProteinItem(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("stokes")] double? Stokes,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("ipg_id")] string? IpgId,
    [property: JsonPropertyName("agg")] string Agg,
    [property: JsonPropertyName("ex_max")] int? ExMax,
    [property: JsonPropertyName("em_max")] int? EmMax,
    [property: JsonPropertyName("ext_coeff")] double? ExtCoeff,
    [property: JsonPropertyName("qy")] double? Qy,
    [property: JsonPropertyName("pka")] double? Pka,
    [property: JsonPropertyName("brightness")] double? Brightness,
    [property: JsonPropertyName("bleach")] double? Bleach,
    [property: JsonPropertyName("maturation")] double? Maturation,
    [property: JsonPropertyName("lifetime")] double? Lifetime,
    [property: JsonPropertyName("cofactor")] string Cofactor);
