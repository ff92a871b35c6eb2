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
        => Apply(query, parameters.Where(p => p.Value.Count > 0).Select(p => KeyValuePair.Create(p.Key, p.Value[^1])), db, errors);

    /// <summary>
    /// Applies the named values that are filters (by their query-string names); each bad value is added to
    /// <paramref name="errors"/> under its name.
    /// </summary>
    public IQueryable<T> Apply(IQueryable<T> query, IEnumerable<KeyValuePair<string, string?>> values, FpbaseDbContext db, IDictionary<string, string[]> errors)
    {
        foreach (var (name, value) in values)
        {
            if (!_byName.TryGetValue(name, out var filter) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                // As Django's forms do (and PostgreSQL refuses NUL in text).
                errors[name] = ["Null characters are not allowed."];
                continue;
            }

            try
            {
                query = filter.Apply(query, value, db);
            }
            catch (FilterValueException ex)
            {
                errors[name] = [ex.Message];
            }
        }

        return query;
    }
}
