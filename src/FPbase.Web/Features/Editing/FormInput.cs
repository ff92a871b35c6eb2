using System.Globalization;
using FPbase.Data.Revisions.Edits;
using Microsoft.AspNetCore.Http;

namespace FPbase.Web.Features.Editing;

/// <summary>Reads the edit forms' fields: an empty field is "leave as it is"; a number that does not parse is a field error.</summary>
internal sealed class FormInput(IFormCollection form, EditErrors errors)
{
    public string? Text(string name) => form.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

    public string?[] All(string name) => form.TryGetValue(name, out var v) ? [.. v] : [];

    public int? Int(string name, int index = 0) => Parse<int>(name, index, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null);

    public double? Double(string name, int index = 0) => Parse<double>(name, index, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null);

    private T? Parse<T>(string name, int index, Func<string, T?> parse)
        where T : struct
    {
        var values = All(name);
        if (index >= values.Length || string.IsNullOrWhiteSpace(values[index]))
        {
            return null;
        }

        var parsed = parse(values[index]!.Trim());
        if (parsed is null)
        {
            errors.Add(name, "Not a number.");
        }

        return parsed;
    }
}
