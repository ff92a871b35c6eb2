using FPbase.Data.Entities;

namespace FPbase.Data.Revisions.Edits;

/// <summary>Replaces the protein's state transitions.</summary>
public static partial class ProteinEdits
{
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
}
