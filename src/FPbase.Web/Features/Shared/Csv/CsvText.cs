using System.Text;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Csv;

/// <summary>
/// CSV as Python's <c>csv.writer</c> writes it (which FPbase's CSV responses use): comma-separated,
/// <c>\r\n</c> line ends, and quotes only around fields holding a comma, a quote or a line break, with
/// inner quotes doubled.
/// </summary>
internal static class CsvText
{
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                AppendField(text, row[i]);
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }

    private static void AppendField(StringBuilder text, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(field);
            return;
        }

        text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
