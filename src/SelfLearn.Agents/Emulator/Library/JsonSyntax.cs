using System.Globalization;
using System.Text;
using System.Text.Json;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Library;

/// <summary>
/// Reads a file token by token only to say where it stops being JSON: the path reached so far ("$[4].qa[17]") and the
/// line, since a truncated or hand-edited file is found faster by both.
/// </summary>
internal static class JsonSyntax
{
    private sealed class Level(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    public static ScenarioError? Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var levels = new List<Level>();
        try
        {
            while (reader.Read())
                Follow(ref reader, levels);
            return null;
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return new ScenarioError(PathOf(levels), string.Create(CultureInfo.InvariantCulture,
                $"is not valid JSON at line {line}, byte {position}: {WithoutPosition(e.Message)}"));
        }
    }

    private static void Follow(ref Utf8JsonReader reader, List<Level> levels)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                levels[^1].Property = reader.GetString();
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                levels.RemoveAt(levels.Count - 1);
                return;
        }
        if (levels.Count > 0 && levels[^1].IsArray)
            levels[^1].Index++;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            levels.Add(new Level(reader.TokenType == JsonTokenType.StartArray));
    }

    private static string PathOf(List<Level> levels)
    {
        var path = new StringBuilder("$");
        foreach (var level in levels)
        {
            if (level.IsArray && level.Index >= 0)
                path.Append(CultureInfo.InvariantCulture, $"[{level.Index}]");
            else if (!level.IsArray && level.Property is not null)
                path.Append('.').Append(level.Property);
        }
        return path.ToString();
    }

    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
