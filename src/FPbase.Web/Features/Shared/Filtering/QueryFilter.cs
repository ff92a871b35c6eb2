using FPbase.Data;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>What a filter parameter's value looks like (for validation messages and the OpenAPI document).</summary>
internal enum FilterValueKind
{
    Text,
    Integer,
    Number,

    /// <summary>Two numbers, <c>min,max</c> (django-filter's range lookups).</summary>
    NumberRange,

    /// <summary>Comma-separated values.</summary>
    TextList,

    /// <summary>One of a fixed set of codes.</summary>
    Choice,
}

/// <summary>
/// One query-string filter, named like django-filter names it (<c>field</c> for <c>exact</c>,
/// <c>field__lookup</c> otherwise). <see cref="Apply"/> narrows the query, or throws
/// <see cref="FilterValueException"/> for a value it cannot use.
/// </summary>
internal sealed record QueryFilter<T>(
    string Name,
    FilterValueKind Kind,
    string Description,
    Func<IQueryable<T>, string, FpbaseDbContext, IQueryable<T>> Apply,
    IReadOnlyList<string>? Choices = null);

/// <summary>A filter value that cannot be used; the message is shown to the client.</summary>
internal sealed class FilterValueException(string message) : Exception(message);
