using FPbase.Data.Revisions;
using FPbase.Data.Revisions.Edits;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Editing;

// The forms of the protein edit page, bound with [FromForm] as the microscope forms are: fields as text under the
// page's snake_case names, read into the edit requests of FPbase.Data.Revisions.Edits by ToEdit, numbers through
// FormNumber. Repeated rows (transitions, bleach measurements) are parallel lists of one field each; model binding
// keeps a blank entry as null in its place, so the fields of a row stay together.

/// <summary>The main form: the protein's fields and the values of one state (the default one unless <c>state</c> names another).</summary>
public sealed record ProteinUpdateForm
{
    public string? Name { get; init; }

    public string? Aliases { get; init; }

    public string? Seq { get; init; }

    public string? Genbank { get; init; }

    public string? Uniprot { get; init; }

    [FromForm(Name = "ipg_id")]
    public string? IpgId { get; init; }

    public string? Agg { get; init; }

    [FromForm(Name = "switch_type")]
    public string? SwitchType { get; init; }

    public string? Cofactor { get; init; }

    public string? Blurb { get; init; }

    [FromForm(Name = "parent_organism")]
    public string? ParentOrganism { get; init; }

    [FromForm(Name = "primary_reference")]
    public string? PrimaryReference { get; init; }

    public string? State { get; init; }

    [FromForm(Name = "ex_max")]
    public string? ExMax { get; init; }

    [FromForm(Name = "em_max")]
    public string? EmMax { get; init; }

    [FromForm(Name = "ext_coeff")]
    public string? ExtCoeff { get; init; }

    public string? Qy { get; init; }

    public string? Pka { get; init; }

    public string? Maturation { get; init; }

    public string? Lifetime { get; init; }

    [FromForm(Name = "is_dark")]
    public string? IsDark { get; init; }

    internal ProteinUpdate ToEdit(ProteinEditSession session, EditErrors errors)
    {
        var protein = session.Protein;
        var state = new StateUpdate(
            Slug: State ?? protein.States.FirstOrDefault(s => s.Id == protein.DefaultStateId)?.Slug ?? protein.States.FirstOrDefault()?.Slug,
            ExMax: FormNumber.Int(ExMax, "ex_max", errors), EmMax: FormNumber.Int(EmMax, "em_max", errors),
            ExtCoeff: FormNumber.Int(ExtCoeff, "ext_coeff", errors), Qy: FormNumber.Double(Qy, "qy", errors),
            Pka: FormNumber.Double(Pka, "pka", errors), Maturation: FormNumber.Double(Maturation, "maturation", errors),
            Lifetime: FormNumber.Double(Lifetime, "lifetime", errors),
            IsDark: IsDark is { } dark ? dark is "true" or "on" : null);
        var hasState = state with { Slug = null } != new StateUpdate();
        return new ProteinUpdate(
            Name: Name, Aliases: Aliases?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            Seq: Seq, Genbank: Genbank, Uniprot: Uniprot, IpgId: IpgId, Agg: Agg, SwitchType: SwitchType, Cofactor: Cofactor, Blurb: Blurb,
            ParentOrganism: FormNumber.Int(ParentOrganism, "parent_organism", errors), PrimaryReference: PrimaryReference,
            States: hasState ? [state] : null);
    }
}

/// <summary>Cite a reference: an existing one by DOI, or a new one.</summary>
public sealed record ReferenceForm
{
    public string? Doi { get; init; }

    public string? Title { get; init; }

    public string? Journal { get; init; }

    public string? Year { get; init; }

    internal ReferenceAdd ToEdit(EditErrors errors) => new(Doi, Title, Journal, FormNumber.Int(Year, "year", errors));
}

/// <summary>Quote a passage of a reference (by DOI).</summary>
public sealed record ExcerptForm
{
    public string? Content { get; init; }

    public string? Reference { get; init; }

    internal ExcerptAdd ToEdit() => new(Content, Reference);
}

/// <summary>Flag one of the protein's excerpts (by id) for review.</summary>
public sealed record ExcerptFlagForm
{
    public string? Excerpt { get; init; }

    internal int? ToEdit(EditErrors errors) => FormNumber.Int(Excerpt, "excerpt", errors);
}

/// <summary>The protein's transitions as rows of (from state, to state, wavelength); a row with neither state is left out.</summary>
public sealed record TransitionsForm
{
    [FromForm(Name = "from_state")]
    public List<string?> FromState { get; init; } = [];

    [FromForm(Name = "to_state")]
    public List<string?> ToState { get; init; } = [];

    [FromForm(Name = "trans_wave")]
    public List<string?> TransWave { get; init; } = [];

    internal TransitionsUpdate ToEdit(EditErrors errors)
        => new([.. Enumerable.Range(0, Math.Max(FromState.Count, ToState.Count))
            .Where(i => FormRows.At(FromState, i) is not null || FormRows.At(ToState, i) is not null)
            .Select(i => new TransitionInput(FormRows.At(FromState, i), FormRows.At(ToState, i), FormNumber.Int(FormRows.At(TransWave, i), "trans_wave", errors)))]);
}

/// <summary>The protein's bleach measurements as rows; a row without a rate is left out.</summary>
public sealed record BleachForm
{
    public List<string?> State { get; init; } = [];

    public List<string?> Rate { get; init; } = [];

    public List<string?> Power { get; init; } = [];

    public List<string?> Units { get; init; } = [];

    public List<string?> Light { get; init; } = [];

    public List<string?> Modality { get; init; } = [];

    public List<string?> Temp { get; init; } = [];

    [FromForm(Name = "in_cell")]
    public List<string?> InCell { get; init; } = [];

    [FromForm(Name = "cell_type")]
    public List<string?> CellType { get; init; } = [];

    public List<string?> Fusion { get; init; } = [];

    public List<string?> Reference { get; init; } = [];

    internal BleachUpdate ToEdit(EditErrors errors)
    {
        static string? At(List<string?> column, int row) => FormRows.At(column, row);
        return new([.. Enumerable.Range(0, Rate.Count)
            .Where(i => At(Rate, i) is not null)
            .Select(i => new BleachInput(At(State, i), FormNumber.Double(At(Rate, i), "rate", errors), FormNumber.Double(At(Power, i), "power", errors),
                At(Units, i), At(Light, i), At(Modality, i), FormNumber.Double(At(Temp, i), "temp", errors), FormNumber.Int(At(InCell, i), "in_cell", errors),
                At(CellType, i), At(Fusion, i), At(Reference, i)))]);
    }
}

/// <summary>Revert to a revision, restoring the protein as it was after it (the default) or before it.</summary>
public sealed record RevertForm
{
    public string? Revision { get; init; }

    public string? Restore { get; init; }

    internal RevertRequest ToEdit(EditErrors errors) => new(FormNumber.Int(Revision, "revision", errors), Restore);
}

/// <summary>A cell of a form's repeated rows: the row's entry in one field's list, null when blank or missing.</summary>
internal static class FormRows
{
    public static string? At(List<string?> column, int row) => row < column.Count && !string.IsNullOrWhiteSpace(column[row]) ? column[row] : null;
}
