namespace FPbase.Data.Revisions.Edits;

/// <summary>Field errors of a submission, keyed by FPbase's field names (<c>states[0].ex_max</c>).</summary>
public sealed class EditErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Replaces the field's errors with <paramref name="message"/>: a more precise verdict on the same field.</summary>
    public void Set(string field, string message) => _errors[field] = [message];

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, $"Must be between {min} and {max}.");
        }
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
