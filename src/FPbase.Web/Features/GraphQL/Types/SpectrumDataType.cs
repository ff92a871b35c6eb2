using System.Text.Json;
using System.Text.Json.Serialization;
using FPbase.Web.Features.GraphQL.Loading;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// FPbase's <c>SpectrumData</c> scalar: <c>[[wavelength, value], ...]</c> pairs. Output only; written
/// straight from the stored float32 grid by <see cref="SpectrumValuesJsonConverter"/>.
/// </summary>
internal sealed class SpectrumDataType : ScalarGraphType
{
    public SpectrumDataType()
    {
        Name = "SpectrumData";
        Description = "Spectrum data as [[wavelength, value], ...] pairs.";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value);

    public override object? ParseValue(object? value) => ThrowValueConversionError(value);
}

/// <summary>Writes a spectrum's values as pairs, each value in float32's shortest round-trip form.</summary>
internal sealed class SpectrumValuesJsonConverter : JsonConverter<SpectrumNodeValues>
{
    public override SpectrumNodeValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, SpectrumNodeValues value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Values.Length; i++)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.MinWave + i);
            writer.WriteNumberValue(value.Values[i]);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
