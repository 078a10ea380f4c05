using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// A memory's vector inside its JSON document as one base64 string of little-endian float32 bytes: 384 numbers as text
/// cost PostgreSQL a jsonb parse per number on insert and .NET a float format/parse each way. Number arrays written
/// before this converter still read.
/// </summary>
public sealed class VectorJsonConverter : JsonConverter<float[]>
{
    public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var bytes = reader.GetBytesFromBase64();
            var vector = new float[bytes.Length / sizeof(float)];
            for (var i = 0; i < vector.Length; i++)
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            return vector;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("a vector is a base64 string or an array of numbers.");
        var numbers = new List<float>(384);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            numbers.Add(reader.GetSingle());
        return [.. numbers];
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        var bytes = new byte[value.Length * sizeof(float)];
        for (var i = 0; i < value.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), value[i]);
        writer.WriteBase64StringValue(bytes);
    }
}
