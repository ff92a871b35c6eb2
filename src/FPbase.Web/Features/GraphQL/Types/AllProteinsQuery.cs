using System.Globalization;
using System.Text;
using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.Shared.Filtering;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// FPbase's <c>allProteins</c> (a graphene-django <c>DjangoFilterConnectionField</c> of <c>ProteinNode</c> with
/// <c>ProteinFilter</c>): a relay connection of the visible proteins by name, paged with <c>first</c>/<c>last</c>,
/// <c>after</c>/<c>before</c> (graphene's <c>arrayconnection:</c> cursors) and <c>offset</c>, filtered by every
/// parameter of the REST list's <see cref="ProteinFilters"/> under graphene's argument names
/// (<c>name__icontains</c> is <c>name_Icontains</c>, <c>default_state__ex_max__range</c> is
/// <c>defaultState_ExMax_Range</c>, a list of two numbers). Bounded as graphene-django bounds it: at most
/// <see cref="MaxLimit"/> nodes a page (the default page), one count and one page query. A bad cursor, page size or
/// filter value is a GraphQL error naming the argument.
/// </summary>
internal static class AllProteinsQuery
{
    /// <summary>graphene-django's <c>RELAY_CONNECTION_MAX_LIMIT</c>, which FPbase keeps at its default.</summary>
    public const int MaxLimit = 100;

    private const string CursorPrefix = "arrayconnection:";

    /// <summary>Each REST filter under its GraphQL argument name.</summary>
    private static readonly (string Argument, QueryFilter<Protein> Filter)[] Filters =
        ProteinFilters.Set.Filters.Select(f => (ArgumentName(f.Name), f)).ToArray();

    public static void AddTo(ObjectGraphType query)
    {
        var field = query.Field<ConnectionType<ProteinNodeType>>("allProteins")
            .Argument<IntGraphType>("offset")
            .Argument<StringGraphType>("before")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("first")
            .Argument<IntGraphType>("last");
        foreach (var (argument, filter) in Filters)
        {
            field.Argument(ArgumentType(filter.Kind), argument, a => a.Description = filter.Description);
        }

        field.ResolveAsync(async c => await LoadAsync(c));
    }

    /// <summary>graphene's <c>to_camel_case</c>: each <c>_</c>-separated word capitalized, an empty one (from <c>__</c>) kept as <c>_</c>.</summary>
    public static string ArgumentName(string parameter)
    {
        var words = parameter.Split('_');
        var name = new StringBuilder(words[0]);
        foreach (var word in words.Skip(1))
        {
            name.Append(word.Length == 0 ? "_" : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant());
        }

        return name.ToString();
    }

    private static Type ArgumentType(FilterValueKind kind) => kind switch
    {
        FilterValueKind.Integer => typeof(IntGraphType),
        FilterValueKind.Number => typeof(FloatGraphType),
        // graphene-django makes range and CSV filters lists (a single value is coerced to a list of one).
        FilterValueKind.NumberRange => typeof(ListGraphType<FloatGraphType>),
        FilterValueKind.TextList => typeof(ListGraphType<StringGraphType>),
        _ => typeof(StringGraphType),
    };

    private static async Task<Connection<Protein>> LoadAsync(IResolveFieldContext context)
    {
        var db = context.RequestServices!.GetRequiredService<FpbaseDbContext>();
        var first = PageSize(context, "first");
        var last = PageSize(context, "last");
        var offset = context.GetArgument<int?>("offset") ?? 0;
        if (offset < 0)
        {
            throw new ExecutionError("Argument 'offset' must be a non-negative integer.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var proteins = ProteinFilters.Set.Apply(db.Proteins.AsNoTracking().Where(p => p.Status != ProteinStatus.Hidden), FilterValues(context), db, errors);
        if (errors.Count > 0)
        {
            throw new ExecutionError(string.Join(" ", errors.Select(e => $"{ArgumentName(e.Key)}: {string.Join(" ", e.Value)}")));
        }

        // graphene-django: without first or last, the first MaxLimit.
        if (first is null && last is null)
        {
            first = MaxLimit;
        }

        var total = await proteins.CountAsync(context.CancellationToken);
        var start = Math.Min((Cursor(context, "after") is { } after ? after + 1 : 0) + offset, total);
        var upper = Cursor(context, "before") is { } before ? Math.Min(before, total) : total;
        var end = upper;
        if (first is { } f)
        {
            end = Math.Min(end, start + f);
        }

        if (last is { } l)
        {
            start = Math.Max(start, end - l);
        }

        var page = end <= start
            ? []
            : await proteins.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(start).Take(end - start).ToListAsync(context.CancellationToken);
        var edges = page.Select((p, i) => new Edge<Protein> { Cursor = CursorOf(start + i), Node = p }).ToList();
        return new Connection<Protein>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = new PageInfo
            {
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
                HasPreviousPage = last is not null && start > 0,
                HasNextPage = first is not null && end < upper,
            },
        };
    }

    private static int? PageSize(IResolveFieldContext context, string name)
    {
        var size = context.GetArgument<int?>(name);
        if (size < 0)
        {
            throw new ExecutionError($"Argument '{name}' must be a non-negative integer.");
        }

        return size > MaxLimit
            ? throw new ExecutionError($"Requesting {size} records on the `allProteins` connection exceeds the `{name}` limit of {MaxLimit} records.")
            : size;
    }

    /// <summary>The offset a cursor names; one that is not graphene's is refused (graphene ignores it; a client sending one has a bug worth hearing about).</summary>
    private static int? Cursor(IResolveFieldContext context, string name)
    {
        if (context.GetArgument<string?>(name) is not { } cursor)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }
        catch (FormatException)
        {
        }

        throw new ExecutionError($"Argument '{name}' is not a cursor of this connection.");
    }

    private static string CursorOf(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The filter arguments given, as the query-string values the REST filters parse.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> FilterValues(IResolveFieldContext context)
    {
        foreach (var (argument, filter) in Filters)
        {
            if (context.GetArgument<object?>(argument) is { } value)
            {
                yield return KeyValuePair.Create(filter.Name, Text(value, filter));
            }
        }
    }

    private static string? Text(object value, QueryFilter<Protein> filter) => value switch
    {
        IEnumerable<object?> list when value is not string => string.Join(",", list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
        // graphene's enum names are the codes upper-cased (M for m); the filters take the codes.
        string text when filter.Choices is { } choices && !choices.Contains(text, StringComparer.Ordinal) => text.ToLowerInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
