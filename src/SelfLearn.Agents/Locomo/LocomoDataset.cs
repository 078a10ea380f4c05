using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Locomo;

/// <summary>Reads the LoCoMo JSON format (the public data/locomo10.json and its splits).</summary>
public static partial class LocomoDataset
{
    public static IReadOnlyList<LocomoConversation> Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return Read(document.RootElement);
    }

    /// <summary>Reads an already parsed file: the array of samples.</summary>
    public static IReadOnlyList<LocomoConversation> Read(JsonElement samples) =>
        samples.EnumerateArray().Select(ReadConversation).ToList();

    private static LocomoConversation ReadConversation(JsonElement sample)
    {
        var conversation = sample.GetProperty("conversation");
        var sessions = conversation.EnumerateObject()
            .Select(property => (property, match: SessionKey().Match(property.Name)))
            .Where(pair => pair.match.Success)
            .Select(pair => ReadSession(conversation, int.Parse(pair.match.Groups[1].Value, CultureInfo.InvariantCulture), pair.property.Value))
            .OrderBy(session => session.Number)
            .ToList();
        var turnIds = sessions.SelectMany(s => s.Turns).Select(t => t.DiaId).ToHashSet(StringComparer.Ordinal);
        var questions = sample.GetProperty("qa").EnumerateArray().Select(qa => ReadQuestion(qa, turnIds)).ToList();
        return new LocomoConversation(sample.GetProperty("sample_id").GetString()!,
            conversation.GetProperty("speaker_a").GetString()!, conversation.GetProperty("speaker_b").GetString()!, sessions, questions);
    }

    private static LocomoSession ReadSession(JsonElement conversation, int number, JsonElement turns)
    {
        var date = SessionDate.Parse(conversation.GetProperty($"session_{number.ToString(CultureInfo.InvariantCulture)}_date_time").GetString()!);
        var read = turns.EnumerateArray().Select(turn => new LocomoTurn(
            turn.GetProperty("dia_id").GetString()!,
            turn.GetProperty("speaker").GetString()!,
            turn.GetProperty("text").GetString()!,
            turn.TryGetProperty("blip_caption", out var caption) ? caption.GetString() : null)).ToList();
        return new LocomoSession(number, date, read);
    }

    private static LocomoQuestion ReadQuestion(JsonElement qa, IReadOnlySet<string> turnIds)
    {
        var answer = Text(qa, "answer");
        var adversarial = Text(qa, "adversarial_answer");
        var raw = qa.TryGetProperty("evidence", out var evidence) ? evidence.EnumerateArray().Select(e => e.GetString() ?? "") : [];
        var (kept, dropped) = EvidenceIds.Clean(raw, turnIds);
        return new LocomoQuestion(qa.GetProperty("question").GetString()!, answer ?? adversarial ?? string.Empty, adversarial,
            qa.GetProperty("category").GetInt32(), kept, dropped);
    }

    /// <summary>Some answers are JSON numbers (a year, a count); they are kept as written.</summary>
    private static string? Text(JsonElement qa, string name) =>
        !qa.TryGetProperty(name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };

    [GeneratedRegex(@"^session_(\d+)$")]
    private static partial Regex SessionKey();
}
