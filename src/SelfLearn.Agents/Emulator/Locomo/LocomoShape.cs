using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SelfLearn.Agents.Locomo;
using SelfLearn.Domain.Scenarios;

namespace SelfLearn.Agents.Emulator.Locomo;

/// <summary>
/// Checks that a parsed LoCoMo file has every member <see cref="LocomoDataset"/> reads, with the right JSON type, and
/// reports the first one that is missing or wrong with its path ("$[1].conversation.session_3[7].dia_id").
/// </summary>
internal static partial class LocomoShape
{
    public static bool LooksLikeLocomo(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0
        && root[0] is { ValueKind: JsonValueKind.Object } first
        && first.TryGetProperty("conversation", out _) && first.TryGetProperty("qa", out _);

    public static ScenarioError? Check(JsonElement samples)
    {
        var index = 0;
        foreach (var sample in samples.EnumerateArray())
            if (CheckSample(sample, $"$[{index++}]") is { } error)
                return error;
        return null;
    }

    private static ScenarioError? CheckSample(JsonElement sample, string path)
    {
        if (sample.ValueKind != JsonValueKind.Object)
            return new(path, "is a LoCoMo sample: an object with sample_id, conversation and qa.");
        if ((Member(sample, path, "sample_id", JsonValueKind.String) ?? Member(sample, path, "conversation", JsonValueKind.Object)
            ?? Member(sample, path, "qa", JsonValueKind.Array)) is { } error)
            return error;
        return CheckConversation(sample.GetProperty("conversation"), $"{path}.conversation") ?? CheckQuestions(sample.GetProperty("qa"), $"{path}.qa");
    }

    private static ScenarioError? CheckConversation(JsonElement conversation, string path)
    {
        if ((Member(conversation, path, "speaker_a", JsonValueKind.String) ?? Member(conversation, path, "speaker_b", JsonValueKind.String)) is { } error)
            return error;
        foreach (var session in conversation.EnumerateObject().Where(p => SessionKey().IsMatch(p.Name)))
        {
            var sessionPath = $"{path}.{session.Name}";
            if (session.Value.ValueKind != JsonValueKind.Array)
                return new(sessionPath, "is an array of turns.");
            // The reader finds the date by the session's number, so "session_01" is dated by "session_1_date_time".
            var dateName = $"session_{int.Parse(session.Name["session_".Length..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}_date_time";
            if (Member(conversation, path, dateName, JsonValueKind.String) is { } missingDate)
                return missingDate;
            if (DateError(conversation.GetProperty(dateName), $"{path}.{dateName}") is { } dateError)
                return dateError;
            var t = 0;
            foreach (var turn in session.Value.EnumerateArray())
                if (CheckTurn(turn, $"{sessionPath}[{t++}]") is { } turnError)
                    return turnError;
        }
        return null;
    }

    private static ScenarioError? CheckTurn(JsonElement turn, string path) =>
        turn.ValueKind != JsonValueKind.Object ? new(path, "is a turn: an object with dia_id, speaker and text.")
        : Member(turn, path, "dia_id", JsonValueKind.String) ?? Member(turn, path, "speaker", JsonValueKind.String)
            ?? Member(turn, path, "text", JsonValueKind.String) ?? Optional(turn, path, "blip_caption", JsonValueKind.String);

    private static ScenarioError? CheckQuestions(JsonElement questions, string path)
    {
        var q = 0;
        foreach (var qa in questions.EnumerateArray())
            if (CheckQuestion(qa, $"{path}[{q++}]") is { } error)
                return error;
        return null;
    }

    private static ScenarioError? CheckQuestion(JsonElement qa, string path)
    {
        if (qa.ValueKind != JsonValueKind.Object)
            return new(path, "is a QA item: an object with question, category and evidence.");
        if ((Member(qa, path, "question", JsonValueKind.String) ?? Member(qa, path, "category", JsonValueKind.Number)) is { } error)
            return error;
        if (!qa.GetProperty("category").TryGetInt32(out _))
            return new($"{path}.category", "is a whole number (1-5).");
        if (!qa.TryGetProperty("evidence", out var evidence))
            return null;
        if (evidence.ValueKind != JsonValueKind.Array)
            return new($"{path}.evidence", "is an array of dia_ids.");
        var i = 0;
        foreach (var id in evidence.EnumerateArray())
        {
            if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return new($"{path}.evidence[{i}]", "is a dia_id string such as \"D1:3\".");
            i++;
        }
        return null;
    }

    private static ScenarioError? DateError(JsonElement date, string path)
    {
        try
        {
            SessionDate.Parse(date.GetString()!);
            return null;
        }
        catch (FormatException e)
        {
            return new(path, e.Message);
        }
    }

    private static ScenarioError? Member(JsonElement owner, string path, string name, JsonValueKind kind) =>
        !owner.TryGetProperty(name, out var value) ? new($"{path}.{name}", "is required.")
        : value.ValueKind != kind ? new($"{path}.{name}", $"is a JSON {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}.")
        : null;

    /// <summary>Optional members may also be null.</summary>
    private static ScenarioError? Optional(JsonElement owner, string path, string name, JsonValueKind kind) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null && value.ValueKind != kind
            ? new($"{path}.{name}", $"is a JSON {kind.ToString().ToLowerInvariant()} or null, not {value.ValueKind.ToString().ToLowerInvariant()}.")
            : null;

    [GeneratedRegex(@"^session_\d+$")]
    private static partial Regex SessionKey();
}
