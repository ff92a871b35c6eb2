using System.Text.Json.Serialization;
using FPbase.Web.Features.Editing;

namespace FPbase.Web.Features.Spectra.Submission;

/// <summary>
/// A spectrum submitted by an editor: <c>owner</c> is a protein state slug (<c>egfp_default</c>), a dye state
/// slug, or a filter, light or camera slug; <c>category</c>/<c>subtype</c> are FPbase's codes (p/d/f/l/c and
/// ex, ab, em, 2p, bp, bx, bm, sp, lp, bs, pd, qe in FPbase's valid pairs); <c>data</c> is
/// <c>[[wave, value], ...]</c> on the 1 nm grid; <c>reference</c> an optional DOI of a known reference.
/// </summary>
public sealed record SpectrumSubmission(
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("subtype")] string? Subtype,
    [property: JsonPropertyName("data")] double[][]? Data,
    [property: JsonPropertyName("reference")] string? Reference = null,
    [property: JsonPropertyName("ph")] double? Ph = null,
    [property: JsonPropertyName("solvent")] string? Solvent = null,
    [property: JsonPropertyName("source")] string? Source = null);

/// <summary>The answer to a submission: the new spectrum's id, pending until staff approve it.</summary>
public sealed record SubmittedSpectrum(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("subtype")] string Subtype,
    [property: JsonPropertyName("min_wave")] int MinWave,
    [property: JsonPropertyName("max_wave")] int MaxWave);
