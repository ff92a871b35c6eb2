using System.Text;
using System.Text.Json;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace FPbase.Web.Features.GraphQL.Caching;

/// <summary>
/// The part of the ETag and payload key that is the request itself: the query printed back from its
/// syntax tree (so whitespace, commas and comments do not matter), the operation name and the variables
/// it declares (<see cref="Transport.GraphQLDocuments.DeclaredVariables"/>) as canonical JSON (keys sorted,
/// no whitespace). GET and POST of the same request give the same variant.
/// </summary>
internal static class GraphQLVariant
{
    private static readonly SDLPrinter Printer = new(new SDLPrinterOptions { PrintComments = false, PrintDescriptions = false });

    public static string Create(GraphQLDocument document, string? operationName, JsonElement? variables)
    {
        var builder = new StringBuilder();
        Printer.Print(document, builder);
        builder.Append('\n').Append(operationName).Append('\n');
        if (variables is { ValueKind: JsonValueKind.Object } values && values.EnumerateObject().Any())
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                WriteCanonical(writer, values);
            }

            builder.Append(Encoding.UTF8.GetString(stream.ToArray()));
        }

        return builder.ToString();
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
