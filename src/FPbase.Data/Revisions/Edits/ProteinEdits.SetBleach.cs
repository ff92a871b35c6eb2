using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Revisions.Edits;

/// <summary>Replaces the bleaching measurements of the protein's states.</summary>
public static partial class ProteinEdits
{
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
}
