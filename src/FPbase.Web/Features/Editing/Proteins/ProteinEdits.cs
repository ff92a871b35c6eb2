using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Data.Revisions;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Editing.Proteins;

/// <summary>
/// The seven protein edits, shared by the JSON API and the HTML forms: each validates its input against the
/// loaded aggregate and, only when valid, changes the tracked entities (the caller then commits the session,
/// which records the revision). With errors nothing is changed, so nothing is saved. No cache code anywhere:
/// the EF Core interceptors bump what the write touched.
/// </summary>
public static class ProteinEdits
{
    /// <summary>FPbase's amino-acid alphabet: the 20 standard one-letter codes.</summary>
    private const string AminoAcids = "ACDEFGHIKLMNPQRSTVWY";

    /// <summary>FPbase's cofactor codes (a 2-character choice field).</summary>
    private static readonly string[] Cofactors = ["", "bv", "fl", "pc", "ur"];

    public static async Task<EditErrors> UpdateAsync(FpbaseDbContext db, ProteinEditSession session, ProteinUpdate input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var p = session.Protein;
        string? newSlug = null;
        if (input.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add("name", "A protein needs a name.");
            }
            else if (name.Trim().Length > 128)
            {
                errors.Add("name", "At most 128 characters.");
            }
            else
            {
                newSlug = Slugify.Apply(name.Trim());
                if (newSlug.Length == 0)
                {
                    errors.Add("name", "The name has no letters or digits.");
                }
                else if (newSlug.Length > 64)
                {
                    errors.Add("name", "The name's slug would be longer than 64 characters.");
                }
                else if (newSlug != p.Slug && await db.Proteins.AnyAsync(o => o.Id != p.Id && (o.Slug == newSlug || o.Uuid == newSlug), ct))
                {
                    errors.Add("name", $"Another protein already has the slug '{newSlug}'.");
                }
            }
        }

        string? seq = null;
        if (input.Seq is { } rawSeq)
        {
            seq = new string(rawSeq.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
            if (seq.Any(c => !AminoAcids.Contains(c, StringComparison.Ordinal)))
            {
                errors.Add("seq", "A sequence may contain only the 20 standard amino-acid letters (" + AminoAcids + ").");
            }
        }

        MaxLength(errors, "seq", seq, 1024);
        MaxLength(errors, "genbank", input.Genbank?.Trim(), 12);
        MaxLength(errors, "uniprot", input.Uniprot?.Trim(), 10);
        MaxLength(errors, "ipg_id", input.IpgId?.Trim(), 12);
        MaxLength(errors, "blurb", input.Blurb?.Trim(), 512);
        if (input.Cofactor is { } cofactorCode && !Cofactors.Contains(cofactorCode.Trim(), StringComparer.Ordinal))
        {
            errors.Add("cofactor", "One of bv (biliverdin), fl (flavin), pc (phycocyanobilin), ur (urobilin), or empty.");
        }

        Aggregation? agg = null;
        if (input.Agg is { Length: > 0 } aggCode && !FpbaseCodes.TryParse(aggCode, out Aggregation parsedAgg))
        {
            errors.Add("agg", "One of " + string.Join(", ", FpbaseCodes.Codes<Aggregation>()) + ".");
        }
        else if (input.Agg is { Length: > 0 })
        {
            agg = FpbaseCodes.Parse<Aggregation>(input.Agg);
        }

        SwitchType? switchType = null;
        if (input.SwitchType is { Length: > 0 } switchCode && !FpbaseCodes.TryParse(switchCode, out SwitchType _))
        {
            errors.Add("switch_type", "One of " + string.Join(", ", FpbaseCodes.Codes<SwitchType>()) + ".");
        }
        else if (input.SwitchType is { Length: > 0 })
        {
            switchType = FpbaseCodes.Parse<SwitchType>(input.SwitchType);
        }

        if (input.ParentOrganism is { } organism && !await db.Organisms.AnyAsync(o => o.Id == organism, ct))
        {
            errors.Add("parent_organism", $"No organism has the id {organism}.");
        }

        int? primaryReference = null;
        if (input.PrimaryReference is { Length: > 0 } doi)
        {
            var key = doi.Trim().ToLowerInvariant();
            primaryReference = await db.References.Where(r => r.Doi == key).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
            if (primaryReference is null)
            {
                errors.Add("primary_reference", $"No reference has the DOI '{doi}': add it first.");
            }
        }

        if (input.Aliases is { } aliases && aliases.Any(a => string.IsNullOrWhiteSpace(a) || a.Trim().Length > 64))
        {
            errors.Add("aliases", "Aliases may not be empty nor longer than 64 characters.");
        }

        var stateChanges = new List<(State State, StateUpdate Update)>();
        for (var i = 0; i < (input.States?.Count ?? 0); i++)
        {
            var update = input.States![i];
            var field = $"states[{i}]";
            var state = FindState(p, update.Slug ?? update.Name);
            if (state is null)
            {
                errors.Add(field + ".slug", $"This protein has no state '{update.Slug ?? update.Name}'.");
                continue;
            }

            if (update.Name is not null && update.Slug is not null && (string.IsNullOrWhiteSpace(update.Name) || update.Name.Trim().Length > 64))
            {
                errors.Add(field + ".name", "A state needs a name of at most 64 characters.");
            }

            ValidateState(errors, field, update);
            stateChanges.Add((state, update));
        }

        if (errors.Any)
        {
            return errors;
        }

        if (input.Name is { } newName)
        {
            p.Name = newName.Trim();
            p.Slug = newSlug!;
            foreach (var state in p.States)
            {
                state.OwnerName = p.Name;
                state.OwnerSlug = p.Slug;
            }
        }

        if (input.Aliases is { } newAliases) p.Aliases = [.. newAliases.Select(a => a.Trim())];
        if (seq is not null) p.Seq = seq.Length == 0 ? null : seq;
        if (input.Genbank is { } genbank) p.Genbank = Blank(genbank);
        if (input.Uniprot is { } uniprot) p.Uniprot = Blank(uniprot);
        if (input.IpgId is { } ipg) p.IpgId = Blank(ipg);
        if (input.Agg is not null) p.Agg = agg;
        if (input.SwitchType is not null) p.SwitchType = switchType;
        if (input.Cofactor is { } cofactor) p.Cofactor = cofactor.Trim();
        if (input.Blurb is { } blurb) p.Blurb = blurb.Trim();
        if (input.ParentOrganism is { } parent) p.ParentOrganismId = parent;
        if (input.PrimaryReference is not null) p.PrimaryReferenceId = primaryReference;

        foreach (var (state, update) in stateChanges)
        {
            if (update.Name is { Length: > 0 } stateName && update.Slug is not null) state.Name = stateName.Trim();
            if (update.IsDark is { } dark) state.IsDark = dark;
            if (update.ExMax is { } ex) state.ExMax = ex;
            if (update.EmMax is { } em) state.EmMax = em;
            if (update.TwopExMax is { } twop) state.TwopExMax = twop;
            if (update.ExtCoeff is { } ec) state.ExtCoeff = ec;
            if (update.Qy is { } qy) state.Qy = qy;
            if (update.Pka is { } pka) state.Pka = pka;
            if (update.Maturation is { } maturation) state.Maturation = maturation;
            if (update.Lifetime is { } lifetime) state.Lifetime = lifetime;
        }

        return errors;
    }

    public static async Task<EditErrors> AddReferenceAsync(FpbaseDbContext db, ProteinEditSession session, ReferenceAdd input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var doi = (input.Doi ?? "").Trim().ToLowerInvariant();
        if (!doi.StartsWith("10.", StringComparison.Ordinal) || !doi.Contains('/', StringComparison.Ordinal) || doi.Length > 50)
        {
            errors.Add("doi", "A DOI like 10.1000/xyz123 (at most 50 characters).");
            return errors;
        }

        var reference = await db.References.SingleOrDefaultAsync(r => r.Doi == doi, ct);
        if (reference is null)
        {
            if (string.IsNullOrWhiteSpace(input.Title))
            {
                errors.Add("title", "A new reference needs a title.");
            }

            MaxLength(errors, "title", input.Title?.Trim(), 512);
            MaxLength(errors, "journal", input.Journal?.Trim(), 512);
            if (input.Year is { } year && (year < 1900 || year > DateTime.UtcNow.Year + 1))
            {
                errors.Add("year", "A year between 1900 and next year.");
            }

            if (errors.Any)
            {
                return errors;
            }

            reference = new Reference { Doi = doi, Title = input.Title!.Trim(), Journal = (input.Journal ?? "").Trim(), Year = input.Year };
            reference.Citation = input.Year is { } y ? $"({y})" : "";
            db.References.Add(reference);
        }
        else if (session.Protein.ProteinReferences.Any(r => r.ReferenceId == reference.Id))
        {
            errors.Add("doi", "This protein already cites that reference.");
            return errors;
        }

        session.Protein.ProteinReferences.Add(new ProteinReference { Protein = session.Protein, Reference = reference });
        return errors;
    }

    public static async Task<(EditErrors Errors, Excerpt? Excerpt)> AddExcerptAsync(FpbaseDbContext db, ProteinEditSession session, ExcerptAdd input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var content = (input.Content ?? "").Trim();
        if (content.Length == 0)
        {
            errors.Add("content", "An excerpt needs some text.");
        }
        else if (content.Length > 1200)
        {
            errors.Add("content", "At most 1200 characters.");
        }

        var doi = (input.Reference ?? "").Trim().ToLowerInvariant();
        var reference = doi.Length == 0 ? null : await db.References.SingleOrDefaultAsync(r => r.Doi == doi, ct);
        if (reference is null)
        {
            errors.Add("reference", doi.Length == 0 ? "An excerpt quotes a reference: give its DOI." : $"No reference has the DOI '{doi}': add it first.");
        }

        if (errors.Any)
        {
            return (errors, null);
        }

        var excerpt = new Excerpt { Content = content, Reference = reference, Status = ExcerptStatus.Approved };
        session.Protein.Excerpts.Add(excerpt);
        return (errors, excerpt);
    }

    public static EditErrors SetTransitions(ProteinEditSession session, TransitionsUpdate input)
    {
        var errors = new EditErrors();
        var p = session.Protein;
        var list = input.Transitions ?? [];
        if (input.Transitions is null)
        {
            errors.Add("transitions", "Give the list of transitions (empty to remove them all).");
        }

        var resolved = new List<StateTransition>();
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            var from = FindState(p, t.FromState);
            var to = FindState(p, t.ToState);
            if (from is null) errors.Add($"transitions[{i}].from_state", $"This protein has no state '{t.FromState}'.");
            if (to is null) errors.Add($"transitions[{i}].to_state", $"This protein has no state '{t.ToState}'.");
            if (from is not null && from == to) errors.Add($"transitions[{i}].to_state", "A transition goes to another state.");
            errors.Range($"transitions[{i}].trans_wave", t.TransWave, 300, 1600);
            if (from is not null && to is not null)
            {
                resolved.Add(new StateTransition { Protein = p, FromState = from, ToState = to, TransWave = t.TransWave });
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        p.Transitions.Clear(); // required relationship: the removed rows are deleted
        p.Transitions.AddRange(resolved);
        return errors;
    }

    public static async Task<EditErrors> SetBleachAsync(FpbaseDbContext db, ProteinEditSession session, BleachUpdate input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var p = session.Protein;
        if (input.Measurements is null)
        {
            errors.Add("measurements", "Give the list of measurements (empty to remove them all).");
            return errors;
        }

        var resolved = new List<(State State, BleachMeasurement Measurement)>();
        for (var i = 0; i < input.Measurements.Count; i++)
        {
            var m = input.Measurements[i];
            var field = $"measurements[{i}]";
            var state = FindState(p, m.State) ?? (m.State is null ? p.States.FirstOrDefault(s => s.Id == p.DefaultStateId) ?? p.States.FirstOrDefault() : null);
            if (state is null) errors.Add(field + ".state", $"This protein has no state '{m.State}'.");
            if (m.Rate is null) errors.Add(field + ".rate", "A measurement needs a rate (half-life, s).");
            errors.Range(field + ".rate", m.Rate, 0, 100000);
            errors.Range(field + ".temp", m.Temp, -20, 100);
            MaxLength(errors, field + ".units", m.Units?.Trim(), 100);
            MaxLength(errors, field + ".cell_type", m.CellType?.Trim(), 60);
            MaxLength(errors, field + ".fusion", m.Fusion?.Trim(), 60);
            if (m.InCell is { } inCell && inCell is < -1 or > 1) errors.Add(field + ".in_cell", "-1 (unknown), 0 (no) or 1 (yes).");
            BleachLight? light = null;
            if (m.Light is { Length: > 0 } lc)
            {
                if (FpbaseCodes.TryParse(lc, out BleachLight l)) light = l;
                else errors.Add(field + ".light", "One of " + string.Join(", ", FpbaseCodes.Codes<BleachLight>()) + ".");
            }

            BleachModality? modality = null;
            if (m.Modality is { Length: > 0 } mc)
            {
                if (FpbaseCodes.TryParse(mc, out BleachModality mo)) modality = mo;
                else errors.Add(field + ".modality", "One of " + string.Join(", ", FpbaseCodes.Codes<BleachModality>()) + ".");
            }

            int? referenceId = null;
            if (m.Reference is { Length: > 0 } doi)
            {
                var key = doi.Trim().ToLowerInvariant();
                referenceId = await db.References.Where(r => r.Doi == key).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
                if (referenceId is null) errors.Add(field + ".reference", $"No reference has the DOI '{doi}'.");
            }

            if (state is not null && m.Rate is { } rate)
            {
                resolved.Add((state, new BleachMeasurement
                {
                    Rate = rate, Power = m.Power, Units = (m.Units ?? "").Trim(), Light = light, Modality = modality, Temp = m.Temp,
                    InCell = m.InCell ?? -1, CellType = (m.CellType ?? "").Trim(), Fusion = (m.Fusion ?? "").Trim(), ReferenceId = referenceId,
                }));
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        foreach (var state in p.States)
        {
            state.BleachMeasurements.Clear();
        }

        foreach (var (state, measurement) in resolved)
        {
            state.BleachMeasurements.Add(measurement);
        }

        return errors;
    }

    /// <summary>Flags one of the protein's excerpts (status "flagged"); null when the protein has no such excerpt.</summary>
    public static Excerpt? Flag(ProteinEditSession session, int excerptId)
    {
        var excerpt = session.Protein.Excerpts.FirstOrDefault(e => e.Id == excerptId);
        if (excerpt is not null)
        {
            excerpt.Status = ExcerptStatus.Flagged;
        }

        return excerpt;
    }

    public static async Task<(EditErrors Errors, ProteinRevision? Revision)> RevertAsync(FpbaseDbContext db, ProteinEditSession session, RevertRequest input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var restore = input.Restore ?? "after";
        if (restore is not ("after" or "before"))
        {
            errors.Add("restore", "\"after\" (the protein as this revision left it) or \"before\" (as it was before it).");
        }

        var revision = input.Revision is { } id
            ? await db.ProteinRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ProteinId == session.Protein.Id, ct)
            : null;
        if (revision is null)
        {
            errors.Add("revision", input.Revision is null ? "Which revision?" : $"This protein has no revision {input.Revision}.");
        }

        if (errors.Any)
        {
            return (errors, null);
        }

        var snapshot = ProteinSnapshot.FromJson(restore == "after" ? revision!.After : revision!.Before);
        var slug = Slugify.Apply(snapshot.Name);
        if (slug != session.Protein.Slug && await db.Proteins.AnyAsync(o => o.Id != session.Protein.Id && o.Slug == slug, ct))
        {
            errors.Add("revision", $"Another protein now has the slug '{slug}'.");
            return (errors, null);
        }

        snapshot.RestoreInto(session.Protein, db);
        session.Protein.Slug = slug;
        foreach (var state in session.Protein.States)
        {
            state.OwnerName = session.Protein.Name;
            state.OwnerSlug = slug;
        }

        return (errors, revision);
    }

    private static void ValidateState(EditErrors errors, string field, StateUpdate s)
    {
        errors.Range(field + ".ex_max", s.ExMax, 300, 900);
        errors.Range(field + ".em_max", s.EmMax, 300, 900);
        errors.Range(field + ".twop_ex_max", s.TwopExMax, 700, 1600);
        errors.Range(field + ".ext_coeff", s.ExtCoeff, 0, 300000);
        errors.Range(field + ".qy", s.Qy, 0, 1);
        errors.Range(field + ".pka", s.Pka, 0, 14);
        errors.Range(field + ".maturation", s.Maturation, 0, 1600);
        errors.Range(field + ".lifetime", s.Lifetime, 0, 20);
    }

    /// <summary>A state of the protein by slug or name (case-insensitive); null for none or an empty key.</summary>
    public static State? FindState(Protein p, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        return p.States.FirstOrDefault(s => string.Equals(s.Slug, key, StringComparison.OrdinalIgnoreCase))
            ?? p.States.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    private static void MaxLength(EditErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
