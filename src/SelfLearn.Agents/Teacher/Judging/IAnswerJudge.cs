using System.Text.Json.Serialization;

namespace SelfLearn.Agents.Teacher.Judging;

/// <summary>What a judge sees of one answered question: the answer, the context the MaaS delivered, and the golden truth.</summary>
public sealed record JudgeInput(
    string Question,
    string Answer,
    bool Abstained,
    IReadOnlyList<string> DeliveredContext,
    string? GoldenAnswer,
    bool Answerable);

[JsonConverter(typeof(JsonStringEnumConverter<JudgeLabel>))]
public enum JudgeLabel
{
    [JsonStringEnumMemberName("supported")] Supported,
    [JsonStringEnumMemberName("unsupported")] Unsupported,
    [JsonStringEnumMemberName("abstained")] Abstained,
}

/// <summary>
/// A judge's score of one answer, stored with the judge's name and version so a verdict can say which judge it used.
/// <c>Correct</c> is null when there is no golden answer; <c>UsedContextItems</c> are 0-based indexes into the delivered context.
/// </summary>
public sealed record JudgeScore(
    string Judge,
    string JudgeVersion,
    JudgeLabel Label,
    bool? Correct,
    bool Hallucinated,
    int Claims,
    int SupportedClaims,
    IReadOnlyList<int> UsedContextItems)
{
    public double Faithfulness => Claims == 0 ? 1 : (double)SupportedClaims / Claims;
}

/// <summary>The one seam every judge (offline, LLM) sits behind.</summary>
public interface IAnswerJudge
{
    string Name { get; }

    string Version { get; }

    Task<JudgeScore> JudgeAsync(JudgeInput input, CancellationToken ct);
}
