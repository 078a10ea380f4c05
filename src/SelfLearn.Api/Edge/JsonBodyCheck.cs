using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace SelfLearn.Api.Edge;

/// <summary>Where a body is wrong (a JSONPath) and why.</summary>
public sealed record BodyProblem(string Path, string Message);

/// <summary>
/// Reads a whole body once, before any endpoint binds it: it must be one JSON object whose strings (values and
/// property names alike, wherever they sit, typed or free-form) are storable text of a bounded length.
/// </summary>
public static class JsonBodyCheck
{
    public static BodyProblem? FirstProblem(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
            return new("$", "The body is not UTF-8 text.");
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = EdgeLimits.MaxJsonDepth });
        var path = new JsonPath();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return new("$", "The body must be a JSON object.");
            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Value();
                        path.Enter(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Leave();
                        break;
                    case JsonTokenType.PropertyName:
                        if (TextProblem(ref reader, out var name) is { } badName)
                            return new(path.Container, $"A property name in '{path.Container}' {badName}.");
                        path.Property(name!);
                        break;
                    case JsonTokenType.String:
                        path.Value();
                        if (TextProblem(ref reader, out _) is { } badText)
                            return new(path.Current, $"'{path.Current}' {badText}.");
                        break;
                    default:
                        path.Value();
                        break;
                }
            } while (reader.Read());
        }
        catch (JsonException e)
        {
            return new("$", $"The body is not valid JSON: {e.Message}");
        }
        return null;
    }

    /// <summary>
    /// Unescaped text is valid UTF-8 (checked above) and free of control characters (the reader refuses them), so only
    /// escaped or long strings need decoding.
    /// </summary>
    private static string? TextProblem(ref Utf8JsonReader reader, out string? text)
    {
        text = null;
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= EdgeLimits.MaxJsonStringLength)
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
                text = Encoding.UTF8.GetString(raw);
            return null;
        }
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "contains an unpaired UTF-16 surrogate, which is not Unicode text";
        }
        return StorableText.Problem(text)
            ?? (text.Length > EdgeLimits.MaxJsonStringLength ? $"is longer than {EdgeLimits.MaxJsonStringLength} characters" : null);
    }
}
