using System.Text.Json;
using System.Text.Json.Serialization;
using FPbase.Web.Features.Shared;
using Microsoft.OpenApi;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary>
/// A spectrum's stored values on the 1 nm grid, written as FPbase writes spectrum data:
/// <c>[[wave, value], ...]</c>, wave in nm from <see cref="MinWave"/>, values as stored (float32, shortest form).
/// </summary>
[JsonConverter(typeof(SpectrumValuesConverter))]
public sealed class SpectrumValues(int minWave, float[] values)
{
    public int MinWave { get; } = minWave;

    public IReadOnlyList<float> Values { get; } = values;

    /// <summary>How the OpenAPI document describes it.</summary>
    internal static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Array,
        Description = "[[wavelength (nm), value], ...] in 1 nm steps",
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            MinItems = 2,
            MaxItems = 2,
            Items = new OpenApiSchema { Type = JsonSchemaType.Number },
        },
    };

    private sealed class SpectrumValuesConverter : JsonConverter<SpectrumValues>
    {
        public override SpectrumValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Spectrum values are written only.");

        public override void Write(Utf8JsonWriter writer, SpectrumValues value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (var i = 0; i < value.Values.Count; i++)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(value.MinWave + i);
                writer.WriteNumberValue(value.Values[i]);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }
}
