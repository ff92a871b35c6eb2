using FPbase.Web.Features.Shared.Filtering;

namespace FPbase.Web.Features.Search;

/// <summary>
/// What the search page checks besides the filters' own values (which the filter set checks): no NUL, the length of what is
/// typed (<see cref="MaxNameLength"/> for <c>q</c> and names, <see cref="MaxValueLength"/> for anything else, such as a
/// sequence), <c>display</c>, and numeric bounds that contradict each other (<c>__gte</c> above <c>__lte</c> or
/// <c>__gt</c>, a <c>__range</c> whose min is above its max): such a search can match nothing, and says so as a 400.
/// </summary>
internal static class SearchChecks
{
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 2_000;

    private static readonly string[] Lower = ["gte", "gt"];
    private static readonly string[] Upper = ["lte", "lt"];

    public static void Check(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        var lowest = new Dictionary<string, (string Name, double Value)>(StringComparer.Ordinal);
        var highest = new Dictionary<string, (string Name, double Value)>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var value = values[^1] ?? "";
            var max = name == SearchParameters.Q || name.StartsWith("name__", StringComparison.Ordinal) ? MaxNameLength : MaxValueLength;
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                errors[name] = ["Null characters are not allowed."];
                continue;
            }

            if (value.Length > max)
            {
                errors[name] = [$"At most {max} characters ({value.Length} given)."];
                continue;
            }

            if (name == SearchParameters.Display && value is not (SearchParameters.Cards or SearchParameters.Table))
            {
                errors[name] = [$"Select a valid choice. '{value}' is not one of the available choices ({SearchParameters.Cards}: cards, {SearchParameters.Table}: a table)."];
                continue;
            }

            var split = name.LastIndexOf("__", StringComparison.Ordinal);
            if (split < 0 || !ProteinFilters.Set.Contains(name) || !TryNumbers(value, out var numbers))
            {
                continue; // not a numeric bound, or a value the filter set reports itself
            }

            var (field, lookup) = (name[..split], name[(split + 2)..]);
            if (lookup == "range" && numbers.Length == 2 && numbers[0] > numbers[1])
            {
                errors[name] = [$"The range's minimum ({numbers[0]}) is above its maximum ({numbers[1]})."];
            }
            else if (numbers.Length == 1 && Lower.Contains(lookup))
            {
                lowest[field] = (name, numbers[0]);
            }
            else if (numbers.Length == 1 && Upper.Contains(lookup))
            {
                highest[field] = (name, numbers[0]);
            }
        }

        foreach (var (field, low) in lowest)
        {
            if (highest.TryGetValue(field, out var high) && low.Value > high.Value)
            {
                errors[low.Name] = [$"The minimum ({low.Value}) is above the maximum {high.Name} ({high.Value}): nothing can match."];
            }
        }
    }

    private static bool TryNumbers(string value, out double[] numbers)
    {
        numbers = [];
        var parts = value.Split(',');
        if (parts.Length > 2)
        {
            return false;
        }

        var parsed = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out parsed[i]) || !double.IsFinite(parsed[i]))
            {
                return false;
            }
        }

        numbers = parsed;
        return true;
    }
}
