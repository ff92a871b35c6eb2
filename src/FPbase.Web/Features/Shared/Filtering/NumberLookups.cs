using System.Linq.Expressions;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>
/// django's numeric lookups as SQL-translatable predicates on a selected value: <c>exact</c>, <c>lt</c>,
/// <c>lte</c>, <c>gt</c>, <c>gte</c>, <c>range</c> (inclusive) and FPbase's <c>around</c> (within 20 nm:
/// <c>value - 21 &lt; x &lt; value + 21</c>). Values become SQL parameters, not literals.
/// </summary>
internal static class NumberLookups
{
    public const string Around = "around";

    public static readonly IReadOnlyList<string> All = ["exact", "lt", "lte", "gt", "gte", "range", Around];

    public static FilterValueKind KindOf(string lookup) => lookup == "range" ? FilterValueKind.NumberRange : FilterValueKind.Number;

    public static string Describe(string lookup, string label) => lookup switch
    {
        "exact" => $"{label} equals the value",
        "lt" => $"{label} is less than the value",
        "lte" => $"{label} is less than or equal to the value",
        "gt" => $"{label} is greater than the value",
        "gte" => $"{label} is greater than or equal to the value",
        "range" => $"{label} is between min and max, inclusive (min,max)",
        Around => $"{label} is within 20 of the value",
        _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup, null),
    };

    /// <summary>The predicate <paramref name="selector"/> <paramref name="lookup"/> <paramref name="raw"/>.</summary>
    public static Expression<Func<T, bool>> Predicate<T>(Expression<Func<T, double?>> selector, string lookup, string raw)
    {
        var x = selector.Body;
        var body = lookup switch
        {
            "exact" => Expression.Equal(x, Value(FilterValues.Number(raw))),
            "lt" => Expression.LessThan(x, Value(FilterValues.Number(raw))),
            "lte" => Expression.LessThanOrEqual(x, Value(FilterValues.Number(raw))),
            "gt" => Expression.GreaterThan(x, Value(FilterValues.Number(raw))),
            "gte" => Expression.GreaterThanOrEqual(x, Value(FilterValues.Number(raw))),
            "range" => Between(x, FilterValues.Range(raw)),
            Around => AroundOf(x, FilterValues.Number(raw)),
            _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup, null),
        };
        return Expression.Lambda<Func<T, bool>>(body, selector.Parameters);
    }

    private static BinaryExpression Between(Expression x, (double Min, double Max) range)
        => Expression.AndAlso(Expression.GreaterThanOrEqual(x, Value(range.Min)), Expression.LessThanOrEqual(x, Value(range.Max)));

    private static BinaryExpression AroundOf(Expression x, double value)
        => Expression.AndAlso(Expression.GreaterThan(x, Value(value - 21)), Expression.LessThan(x, Value(value + 21)));

    /// <summary>A captured value (a closure member, as the compiler makes them), which EF Core sends as a parameter.</summary>
    private static Expression Value(double value)
        => Expression.Convert(Expression.Property(Expression.Constant(new NumberBox(value)), nameof(NumberBox.Value)), typeof(double?));

    private sealed class NumberBox(double value)
    {
        public double Value { get; } = value;
    }
}
