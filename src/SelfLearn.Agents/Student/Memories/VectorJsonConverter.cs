using System.Text.Json;
using System.Text.Json.Serialization;
using SelfLearn.Agents.Student.Embeddings;

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
            return VectorBytes.To(reader.GetBytesFromBase64());
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("a vector is a base64 string or an array of numbers.");
        var numbers = new List<float>(384);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            numbers.Add(reader.GetSingle());
        return [.. numbers];
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(VectorBytes.From(value));
}
