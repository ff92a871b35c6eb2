using System.Linq.Expressions;
using System.Reflection;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>
/// django's case-insensitive text lookups (<c>iexact</c>, <c>icontains</c>, <c>istartswith</c>,
/// <c>iendswith</c>) and <c>exact</c>, as SQL-translatable predicates: <c>lower(column)</c> against the
/// lower-cased value, sent as a parameter. A NULL column matches nothing.
/// </summary>
internal static class TextLookups
{
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    public static string Describe(string lookup, string label) => lookup switch
    {
        "exact" => $"{label} is exactly the value (case-sensitive)",
        "iexact" => $"{label} is the value (case-insensitive)",
        "icontains" => $"{label} contains the value (case-insensitive)",
        "istartswith" => $"{label} starts with the value (case-insensitive)",
        "iendswith" => $"{label} ends with the value (case-insensitive)",
        _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup, null),
    };

    public static Expression<Func<T, bool>> Predicate<T>(Expression<Func<T, string?>> selector, string lookup, string value)
    {
        var column = selector.Body;
        if (lookup == "exact")
        {
            return Expression.Lambda<Func<T, bool>>(Expression.Equal(column, Value(value)), selector.Parameters);
        }

        var lowered = Expression.Call(column, ToLower);
        var needle = Value(value.ToLowerInvariant());
        Expression test = lookup switch
        {
            "iexact" => Expression.Equal(lowered, needle),
            "icontains" => Expression.Call(lowered, Contains, needle),
            "istartswith" => Expression.Call(lowered, StartsWith, needle),
            "iendswith" => Expression.Call(lowered, EndsWith, needle),
            _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup, null),
        };

        // NULL columns match nothing (and the in-memory form of the predicate must not throw on them).
        var body = Expression.AndAlso(Expression.NotEqual(column, Expression.Constant(null, typeof(string))), test);
        return Expression.Lambda<Func<T, bool>>(body, selector.Parameters);
    }

    private static MemberExpression Value(string value)
        => Expression.Property(Expression.Constant(new TextBox(value)), nameof(TextBox.Value));

    private sealed class TextBox(string value)
    {
        public string Value { get; } = value;
    }
}
