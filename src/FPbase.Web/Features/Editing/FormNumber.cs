using System.Globalization;
using FPbase.Data.Revisions.Edits;

namespace FPbase.Web.Features.Editing;

/// <summary>
/// A number typed into an edit form. The forms bind their fields as text (<c>[FromForm]</c> records of strings), so that
/// a blank field means "leave it as it is" and text that is not a number becomes an error on its own field, shown on
/// the form again, rather than a model-state entry nobody renders.
/// </summary>
internal static class FormNumber
{
    public const string NotANumber = "Not a number.";

    public static int? Int(string? text, string field, EditErrors errors, string message = NotANumber)
        => Parse<int>(text, field, errors, message, ParseInt);

    /// <summary>False when <paramref name="text"/> is not blank and not a whole number; <paramref name="value"/> is null when blank.</summary>
    public static bool TryInt(string? text, out int? value)
    {
        value = string.IsNullOrWhiteSpace(text) ? null : ParseInt(text.Trim());
        return value is not null || string.IsNullOrWhiteSpace(text);
    }

    public static double? Double(string? text, string field, EditErrors errors, string message = NotANumber)
        => Parse<double>(text, field, errors, message, static s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : (double?)null);

    private static int? ParseInt(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static T? Parse<T>(string? text, string field, EditErrors errors, string message, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = parse(text.Trim());
        if (parsed is null)
        {
            errors.Set(field, message);
        }

        return parsed;
    }
}
