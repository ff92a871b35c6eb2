using FPbase.Data.Domain;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Revisions.Edits;

/// <summary>The protein's own fields and its states' (PUT and PATCH of <c>/api/proteins/{slug}/</c>, the main edit form).</summary>
public static partial class ProteinEdits
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
}
