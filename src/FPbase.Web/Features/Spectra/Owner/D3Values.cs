using System.Text.Json;
using System.Text.Json.Serialization;

namespace FPbase.Web.Features.Spectra.Owner;

/// <summary>A spectrum's values as FPbase's <c>d3data()</c> writes them: <c>[{"x": nm, "y": value}, ...]</c>, 1 nm apart.</summary>
[JsonConverter(typeof(D3ValuesConverter))]
public sealed class D3Values(int minWave, float[] values)
{
    public int MinWave { get; } = minWave;

    public IReadOnlyList<float> Values { get; } = values;

    private sealed class D3ValuesConverter : JsonConverter<D3Values>
    {
        public override D3Values Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Spectrum values are written only.");

        public override void Write(Utf8JsonWriter writer, D3Values value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (var i = 0; i < value.Values.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("x", value.MinWave + i);
                writer.WriteNumber("y", value.Values[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }
}
