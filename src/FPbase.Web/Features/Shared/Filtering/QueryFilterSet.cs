using System.Collections.Frozen;
using FPbase.Data;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>
/// The filters one list accepts, by parameter name. Empty values are ignored (as django-filter does);
/// a repeated parameter uses its last value (as Django's QueryDict does).
/// </summary>
internal sealed class QueryFilterSet<T>
{
    private readonly FrozenDictionary<string, QueryFilter<T>> _byName;

    public QueryFilterSet(IEnumerable<QueryFilter<T>> filters)
    {
        Filters = filters.ToArray();
        _byName = Filters.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>In declaration order (the OpenAPI document lists them so).</summary>
    public IReadOnlyList<QueryFilter<T>> Filters { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Applies the parameters that are filters; each bad value is added to <paramref name="errors"/>.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, IQueryCollection parameters, FpbaseDbContext db, IDictionary<string, string[]> errors)
    {
        foreach (var (name, values) in parameters)
        {
            if (!_byName.TryGetValue(name, out var filter) || values.Count == 0 || string.IsNullOrWhiteSpace(values[^1]))
            {
                continue;
            }

            if (values[^1]!.Contains('\0', StringComparison.Ordinal))
            {
                // As Django's forms do (and PostgreSQL refuses NUL in text).
                errors[name] = ["Null characters are not allowed."];
                continue;
            }

            try
            {
                query = filter.Apply(query, values[^1]!, db);
            }
            catch (FilterValueException ex)
            {
                errors[name] = [ex.Message];
            }
        }

        return query;
    }
}
