using System.Text.Json;
using FPbase.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Shared.Csv;

/// <summary>
/// A JSON list as FPbase's CSV renderer (djangorestframework-csv) flattens it: nested objects become
/// <c>parent.child</c> columns and lists <c>parent.0</c>, <c>parent.1</c>...; the header is every key in
/// the order first seen, grouped by top-level field; missing and null cells are empty; booleans are
/// <c>True</c>/<c>False</c>.
/// </summary>
internal static class FlattenedCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static ContentResult Result<T>(IReadOnlyList<T> items)
        => new() { Content = Write(JsonSerializer.SerializeToElement(items, JsonSerializerOptions.Web)), ContentType = ContentType, StatusCode = 200 };

    public static string Write(JsonElement list)
    {
        var rows = list.EnumerateArray().Select(Flatten).ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<(string Field, List<string> Keys)>();
        foreach (var key in rows.SelectMany(r => r.Keys))
        {
            if (!seen.Add(key))
            {
                continue;
            }

            var field = key.Split('.')[0];
            var group = groups.FindIndex(g => g.Field == field);
            if (group < 0)
            {
                groups.Add((field, [key]));
            }
            else
            {
                groups[group].Keys.Add(key);
            }
        }

        var header = groups.SelectMany(g => g.Keys).ToList();
        var table = new List<IReadOnlyList<string>>(rows.Count + 1) { header };
        table.AddRange(rows.Select(row => header.Select(key => row.GetValueOrDefault(key, "")).ToList()));
        return CsvText.Write(table);
    }

    private static OrderedDictionary<string, string> Flatten(JsonElement item)
    {
        var cells = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        Add(cells, null, item);
        return cells;
    }

    private static void Add(OrderedDictionary<string, string> cells, string? prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Add(cells, prefix is null ? property.Name : $"{prefix}.{property.Name}", property.Value);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    Add(cells, $"{prefix}.{index++}", element);
                }

                break;
            case JsonValueKind.String:
                cells[prefix!] = value.GetString()!;
                break;
            case JsonValueKind.True:
                cells[prefix!] = "True";
                break;
            case JsonValueKind.False:
                cells[prefix!] = "False";
                break;
            case JsonValueKind.Null:
                cells[prefix!] = "";
                break;
            default:
                cells[prefix!] = value.GetRawText();
                break;
        }
    }
}
