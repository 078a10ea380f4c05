using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// SHA-256 (lower-case hex) of a design's canonical JSON: the design as the API shows it (camelCase, enums by name),
/// object keys sorted by ordinal comparison, null members left out (so a field added later as optional keeps old
/// hashes), no whitespace, numbers in .NET's shortest round-trip form, strings escaped only where JSON requires.
/// Two designs with the same content have the same hash in any process.
/// </summary>
public static class DesignHash
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(ExperimentDesign design) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson(design)));

    public static byte[] CanonicalJson(ExperimentDesign design)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Writer))
            Write(writer, JsonSerializer.SerializeToNode(design, Options));
        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject members:
                writer.WriteStartObject();
                foreach (var (name, value) in members.Where(m => m.Value is not null).OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray items:
                writer.WriteStartArray();
                foreach (var item in items)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
