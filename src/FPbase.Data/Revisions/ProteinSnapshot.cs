using System.Text.Json;
using FPbase.Data.Entities;

namespace FPbase.Data.Revisions;

/// <summary>
/// A protein's editable aggregate as JSON: its own fields, its states' measured fields, transitions, bleach
/// measurements, references and excerpts. Derived values (brightness, colours) are left out: the entity
/// setters compute them again on <see cref="RestoreInto"/>.
/// </summary>
public sealed record ProteinSnapshot(
    string Name,
    List<string> Aliases,
    string? Seq,
    string? Genbank,
    string? Uniprot,
    string? IpgId,
    List<string> Pdb,
    Aggregation? Agg,
    SwitchType? SwitchType,
    string Cofactor,
    string Blurb,
    int? ParentOrganismId,
    int? PrimaryReferenceId,
    List<StateSnapshot> States,
    List<TransitionSnapshot> Transitions,
    List<int> ReferenceIds,
    List<ExcerptSnapshot> Excerpts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The snapshot of a protein loaded by <see cref="ProteinEditSession"/> (states, bleach, transitions, references, excerpts included).</summary>
    public static ProteinSnapshot Of(Protein p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Name, [.. p.Aliases], p.Seq, p.Genbank, p.Uniprot, p.IpgId, [.. p.Pdb], p.Agg, p.SwitchType, p.Cofactor, p.Blurb,
            p.ParentOrganismId, p.PrimaryReferenceId,
            [.. p.States.OrderBy(s => s.Id).Select(StateSnapshot.Of)],
            [.. p.Transitions.OrderBy(t => t.FromStateId).ThenBy(t => t.ToStateId).ThenBy(t => t.TransWave)
                .Select(t => new TransitionSnapshot(t.FromStateId, t.ToStateId, t.TransWave))],
            [.. p.ProteinReferences.Select(r => r.ReferenceId).Order()],
            [.. p.Excerpts.OrderBy(e => e.Id).Select(e => new ExcerptSnapshot(e.Id, e.Content, e.ReferenceId, e.Status))]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProteinSnapshot FromJson(string json) => JsonSerializer.Deserialize<ProteinSnapshot>(json, Json)
        ?? throw new InvalidOperationException("Empty protein snapshot.");

    /// <summary>
    /// Makes the tracked aggregate look like this snapshot: fields, state values, transitions and bleach
    /// measurements (replaced), reference links and excerpt links, contents and statuses. States and
    /// references deleted since are skipped.
    /// </summary>
    public void RestoreInto(Protein p, FpbaseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(db);
        p.Name = Name;
        p.Aliases = [.. Aliases];
        p.Seq = Seq;
        p.Genbank = Genbank;
        p.Uniprot = Uniprot;
        p.IpgId = IpgId;
        p.Pdb = [.. Pdb];
        p.Agg = Agg;
        p.SwitchType = SwitchType;
        p.Cofactor = Cofactor;
        p.Blurb = Blurb;
        p.ParentOrganismId = ParentOrganismId;
        p.PrimaryReferenceId = PrimaryReferenceId;

        var states = p.States.ToDictionary(s => s.Id);
        foreach (var saved in States)
        {
            if (states.TryGetValue(saved.Id, out var state))
            {
                saved.RestoreInto(state, db);
            }
        }

        db.StateTransitions.RemoveRange(p.Transitions);
        p.Transitions.Clear();
        foreach (var t in Transitions.Where(t => states.ContainsKey(t.FromStateId) && states.ContainsKey(t.ToStateId)))
        {
            p.Transitions.Add(new StateTransition { FromStateId = t.FromStateId, ToStateId = t.ToStateId, TransWave = t.TransWave });
        }

        var referenceIds = ReferenceIds.ToHashSet();
        foreach (var link in p.ProteinReferences.Where(r => !referenceIds.Contains(r.ReferenceId)).ToList())
        {
            p.ProteinReferences.Remove(link);
            db.ProteinReferences.Remove(link);
        }

        var existingReferences = db.References.Where(r => referenceIds.Contains(r.Id)).Select(r => r.Id).ToHashSet();
        foreach (var id in referenceIds.Where(id => existingReferences.Contains(id) && p.ProteinReferences.All(r => r.ReferenceId != id)))
        {
            p.ProteinReferences.Add(new ProteinReference { ProteinId = p.Id, ReferenceId = id });
        }

        var excerpts = Excerpts.ToDictionary(e => e.Id);
        foreach (var excerpt in p.Excerpts.Where(e => !excerpts.ContainsKey(e.Id)).ToList())
        {
            p.Excerpts.Remove(excerpt);
        }

        var linked = p.Excerpts.ToDictionary(e => e.Id);
        var missing = excerpts.Keys.Where(id => !linked.ContainsKey(id)).ToList();
        foreach (var excerpt in db.Excerpts.Where(e => missing.Contains(e.Id)).ToList())
        {
            p.Excerpts.Add(excerpt);
            linked[excerpt.Id] = excerpt;
        }

        foreach (var (id, saved) in excerpts)
        {
            if (linked.TryGetValue(id, out var excerpt))
            {
                excerpt.Content = saved.Content;
                excerpt.Status = saved.Status;
                excerpt.ReferenceId = saved.ReferenceId is { } r && db.References.Any(x => x.Id == r) ? r : null;
            }
        }
    }
}

/// <summary>A state's measured values and its bleach measurements.</summary>
public sealed record StateSnapshot(
    int Id, string Name, int? ExMax, int? EmMax, int? ExtCoeff, double? Qy, double? Pka, double? Maturation,
    double? Lifetime, int? TwopExMax, double? TwopPeakGM, double? TwopQy, bool IsDark, List<BleachSnapshot> Bleach)
{
    public static StateSnapshot Of(State s) => new(
        s.Id, s.Name, s.ExMax, s.EmMax, s.ExtCoeff, s.Qy, s.Pka, s.Maturation, s.Lifetime, s.TwopExMax, s.TwopPeakGM, s.TwopQy, s.IsDark,
        [.. s.BleachMeasurements.OrderBy(b => b.Id).Select(BleachSnapshot.Of)]);

    public void RestoreInto(State s, FpbaseDbContext db)
    {
        s.Name = Name;
        s.IsDark = IsDark;
        s.ExMax = ExMax;
        s.EmMax = EmMax;
        s.ExtCoeff = ExtCoeff;
        s.Qy = Qy;
        s.Pka = Pka;
        s.Maturation = Maturation;
        s.Lifetime = Lifetime;
        s.TwopExMax = TwopExMax;
        s.TwopPeakGM = TwopPeakGM;
        s.TwopQy = TwopQy;
        db.BleachMeasurements.RemoveRange(s.BleachMeasurements);
        s.BleachMeasurements.Clear();
        s.BleachMeasurements.AddRange(Bleach.Select(b => b.ToEntity()));
    }
}

public sealed record TransitionSnapshot(int FromStateId, int ToStateId, int? TransWave);

public sealed record BleachSnapshot(
    double Rate, double? Power, string Units, BleachLight? Light, int? Bandcenter, int? Bandwidth, BleachModality? Modality,
    double? Temp, string Fusion, int InCell, string CellType, int? ReferenceId)
{
    public static BleachSnapshot Of(BleachMeasurement b) => new(
        b.Rate, b.Power, b.Units, b.Light, b.Bandcenter, b.Bandwidth, b.Modality, b.Temp, b.Fusion, b.InCell, b.CellType, b.ReferenceId);

    public BleachMeasurement ToEntity() => new()
    {
        Rate = Rate, Power = Power, Units = Units, Light = Light, Bandcenter = Bandcenter, Bandwidth = Bandwidth, Modality = Modality,
        Temp = Temp, Fusion = Fusion, InCell = InCell, CellType = CellType, ReferenceId = ReferenceId,
    };
}

public sealed record ExcerptSnapshot(int Id, string Content, int? ReferenceId, ExcerptStatus Status);
