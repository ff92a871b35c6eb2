using System.Text.Json.Serialization;

namespace FPbase.Data.Revisions.Edits;

/// <summary>
/// A change to a protein (PUT and PATCH alike: a field left out, or null, is left as it is), in FPbase's
/// snake_case. State fields go to the state named by <c>states[].slug</c> (or <c>name</c>); brightness and
/// colours follow from them.
/// </summary>
public sealed record ProteinUpdate(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("aliases")] List<string>? Aliases = null,
    [property: JsonPropertyName("seq")] string? Seq = null,
    [property: JsonPropertyName("genbank")] string? Genbank = null,
    [property: JsonPropertyName("uniprot")] string? Uniprot = null,
    [property: JsonPropertyName("ipg_id")] string? IpgId = null,
    [property: JsonPropertyName("agg")] string? Agg = null,
    [property: JsonPropertyName("switch_type")] string? SwitchType = null,
    [property: JsonPropertyName("cofactor")] string? Cofactor = null,
    [property: JsonPropertyName("blurb")] string? Blurb = null,
    [property: JsonPropertyName("parent_organism")] int? ParentOrganism = null,
    [property: JsonPropertyName("primary_reference")] string? PrimaryReference = null,
    [property: JsonPropertyName("states")] List<StateUpdate>? States = null);

/// <summary>A state's new values; <c>slug</c> (or its current <c>name</c> when no slug) says which state.</summary>
public sealed record StateUpdate(
    [property: JsonPropertyName("slug")] string? Slug = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("ex_max")] int? ExMax = null,
    [property: JsonPropertyName("em_max")] int? EmMax = null,
    [property: JsonPropertyName("twop_ex_max")] int? TwopExMax = null,
    [property: JsonPropertyName("ext_coeff")] int? ExtCoeff = null,
    [property: JsonPropertyName("qy")] double? Qy = null,
    [property: JsonPropertyName("pka")] double? Pka = null,
    [property: JsonPropertyName("maturation")] double? Maturation = null,
    [property: JsonPropertyName("lifetime")] double? Lifetime = null,
    [property: JsonPropertyName("is_dark")] bool? IsDark = null);

/// <summary>Cite a reference: an existing one by DOI, or a new one (DOI, title, journal, year).</summary>
public sealed record ReferenceAdd(
    [property: JsonPropertyName("doi")] string? Doi = null,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("journal")] string? Journal = null,
    [property: JsonPropertyName("year")] int? Year = null);

/// <summary>A quoted passage of a reference (by DOI, which must exist) about this protein.</summary>
public sealed record ExcerptAdd(
    [property: JsonPropertyName("content")] string? Content = null,
    [property: JsonPropertyName("reference")] string? Reference = null);

/// <summary>The protein's transitions, replacing the ones it has; states by slug.</summary>
public sealed record TransitionsUpdate([property: JsonPropertyName("transitions")] List<TransitionInput>? Transitions = null);

public sealed record TransitionInput(
    [property: JsonPropertyName("from_state")] string? FromState = null,
    [property: JsonPropertyName("to_state")] string? ToState = null,
    [property: JsonPropertyName("trans_wave")] int? TransWave = null);

/// <summary>The protein's bleach measurements, replacing the ones it has; states by slug.</summary>
public sealed record BleachUpdate([property: JsonPropertyName("measurements")] List<BleachInput>? Measurements = null);

public sealed record BleachInput(
    [property: JsonPropertyName("state")] string? State = null,
    [property: JsonPropertyName("rate")] double? Rate = null,
    [property: JsonPropertyName("power")] double? Power = null,
    [property: JsonPropertyName("units")] string? Units = null,
    [property: JsonPropertyName("light")] string? Light = null,
    [property: JsonPropertyName("modality")] string? Modality = null,
    [property: JsonPropertyName("temp")] double? Temp = null,
    [property: JsonPropertyName("in_cell")] int? InCell = null,
    [property: JsonPropertyName("cell_type")] string? CellType = null,
    [property: JsonPropertyName("fusion")] string? Fusion = null,
    [property: JsonPropertyName("reference")] string? Reference = null);

/// <summary>Revert to a revision: the protein as it was after it (<c>restore</c> "after", the default) or before it ("before").</summary>
public sealed record RevertRequest(
    [property: JsonPropertyName("revision")] int? Revision = null,
    [property: JsonPropertyName("restore")] string? Restore = null);

/// <summary>Flag one of the protein's excerpts (by id) for review.</summary>
public sealed record ExcerptFlag([property: JsonPropertyName("excerpt")] int? Excerpt = null);
