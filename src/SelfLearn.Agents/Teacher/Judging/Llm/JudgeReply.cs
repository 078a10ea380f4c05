using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfLearn.Agents.Teacher.Judging.Llm;

/// <summary>A model's reply that is not a valid judgement: the JSON path and what is wrong.</summary>
public sealed class JudgeReplyRejectedException(string path, string problem) : Exception($"{path} {problem}")
{
    public string Path { get; } = path;
}

/// <summary>
/// An LLM judge's reply, checked before anyone uses it (docs/JUDGE.md): one JSON object (a ```json fence is tolerated)
/// with exactly "claims", "correct" and "label"; each claim with a non-empty "text", boolean "supported" and
/// "contradictsGolden", and "contextItems" naming distinct delivered items (at least one for a supported claim, none for
/// an unsupported one); "label" consistent with the claims; "correct" a boolean, or null exactly when there is no golden answer.
/// </summary>
internal static partial class JudgeReply
{
    private static readonly string[] Labels = ["supported", "unsupported", "abstained"];

    public static JudgeScore Read(string? reply, JudgeInput input, string judge, string version)
    {
        var json = JsonObjectIn(reply ?? string.Empty) ?? throw Rejected("$", "holds no JSON object.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Rejected("$", $"is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            OnlyMembers(root, "$", "claims", "correct", "label");
            var claims = Member(root, "$", "claims", JsonValueKind.Array).EnumerateArray()
                .Select((claim, i) => ReadClaim(claim, $"$.claims[{i}]", input.DeliveredContext.Count)).ToList();
            var label = Member(root, "$", "label", JsonValueKind.String).GetString()!;
            if (!Labels.Contains(label, StringComparer.Ordinal))
                throw Rejected("$.label", $"must be one of {string.Join(", ", Labels)}; got \"{label}\".");
            var wrong = claims.Count(c => !c.Supported || c.ContradictsGolden);
            if (wrong > 0 != (label == "unsupported"))
                throw Rejected("$.label", wrong > 0
                    ? $"must be \"unsupported\": {wrong} claim(s) are unsupported or contradict the golden answer."
                    : "cannot be \"unsupported\" when every claim is supported and none contradicts the golden answer.");
            var correct = ReadCorrect(root, input.GoldenAnswer is not null);
            var used = claims.Where(c => c.Supported && !c.ContradictsGolden).SelectMany(c => c.Items).Distinct().Order().ToList();
            return new JudgeScore(judge, version, Enum.Parse<JudgeLabel>(label, ignoreCase: true), correct, wrong > 0, claims.Count, claims.Count - wrong, used);
        }
    }

    private sealed record Claim(bool Supported, bool ContradictsGolden, IReadOnlyList<int> Items);

    private static Claim ReadClaim(JsonElement claim, string path, int contextItems)
    {
        if (claim.ValueKind != JsonValueKind.Object)
            throw Rejected(path, "must be an object.");
        OnlyMembers(claim, path, "text", "supported", "contradictsGolden", "contextItems");
        if (string.IsNullOrWhiteSpace(Member(claim, path, "text", JsonValueKind.String).GetString()))
            throw Rejected($"{path}.text", "must not be empty.");
        var supported = Boolean(claim, path, "supported");
        var contradicts = Boolean(claim, path, "contradictsGolden");
        var items = new List<int>();
        foreach (var (item, i) in Member(claim, path, "contextItems", JsonValueKind.Array).EnumerateArray().Select((e, i) => (e, i)))
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var index) || index < 0 || index >= contextItems)
                throw Rejected($"{path}.contextItems[{i}]", $"must be the number of a delivered item, 0 to {contextItems - 1}.");
            if (items.Contains(index))
                throw Rejected($"{path}.contextItems[{i}]", $"names item {index} twice.");
            items.Add(index);
        }
        if (supported && items.Count == 0)
            throw Rejected($"{path}.contextItems", "must name the items that support a supported claim.");
        if (!supported && items.Count > 0)
            throw Rejected($"{path}.contextItems", "must be empty for an unsupported claim.");
        return new Claim(supported, contradicts, items);
    }

    private static bool? ReadCorrect(JsonElement root, bool hasGolden)
    {
        if (!root.TryGetProperty("correct", out var correct))
            throw Rejected("$", "lacks \"correct\".");
        return correct.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False when hasGolden => correct.GetBoolean(),
            JsonValueKind.Null when !hasGolden => null,
            _ => throw Rejected("$.correct", hasGolden ? "must be true or false." : "must be null: there is no golden answer."),
        };
    }

    private static void OnlyMembers(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Rejected(path, "must be an object.");
        foreach (var member in element.EnumerateObject())
        {
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
                throw Rejected($"{path}.{member.Name}", $"is not allowed; the members are {string.Join(", ", allowed)}.");
        }
    }

    private static JsonElement Member(JsonElement element, string path, string name, JsonValueKind kind) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw Rejected($"{path}.{name}", $"must be {(kind == JsonValueKind.Array ? "an array" : "a string")}.");

    private static bool Boolean(JsonElement element, string path, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Rejected($"{path}.{name}", "must be true or false.");

    private static string? JsonObjectIn(string reply)
    {
        var fenced = Fence().Match(reply);
        var text = fenced.Success ? fenced.Groups[1].Value : reply;
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    private static JudgeReplyRejectedException Rejected(string path, string problem) => new(path, problem);

    [GeneratedRegex(@"```(?:json)?\s*(.*?)```", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Fence();
}
