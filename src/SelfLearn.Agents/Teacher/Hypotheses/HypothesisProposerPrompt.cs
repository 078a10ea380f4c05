using System.Text.Json;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Agents.Teacher.Hypotheses;

/// <summary>
/// The proposer's Semantic Kernel prompt. The catalog and the metric list come from <see cref="ProposerCatalogPlugin"/>
/// when the prompt is rendered; the reply's shape is an example serialized from <see cref="ReplyBody"/> itself, so the
/// prompt never drifts from the schema the reply is checked against.
/// </summary>
internal static class HypothesisProposerPrompt
{
    public const string Template = """
        <message role="system">
        You are the Teacher of a memory service that is tuned through impact factors. From measurements of its current
        configuration and verdicts of experiments, you propose hypotheses: moving ONE impact factor to one or more values
        is expected to move named metrics, for a stated reason. Code checks every value against the catalog; a value
        outside it is thrown away.

        Reply with ONE JSON object and nothing else, of this shape:
        {{$shape}}

        Rules:
        - "factor" is a key of the catalog below. Frozen factors are not listed and cannot be changed.
        - "direction" is "up" or "down" for int and float factors (every value above, or every value below, the current
          value) and "set" for the others.
        - "values": 1 to 10 values; a number lies within min and max and on the step (min + k × step); an enum or text
          value is one of allowedValues when the factor lists them.
        - "expectedEffect" maps metric names from the metric list to "up", "down" or "same".
        - "rationale" says why, in at most 2000 characters; "evidence" lists the ids of the experiments or verdicts in the
          findings that it rests on.
        - At most {{$maxHypotheses}} hypotheses; an empty list is a valid answer.

        Impact factors, with the current values of version {{$baseVersion}}:
        {{catalog.factors}}

        Metrics:
        {{catalog.metrics}}
        </message>
        <message role="user">
        Findings for deployment {{$deploymentId}}.
        Observations (metric, segment, value, baselineValue, count, significance): {{$observations}}
        Verdicts: {{$verdicts}}
        </message>
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, string> Arguments(ProposerBrief brief) => new(StringComparer.Ordinal)
    {
        ["shape"] = JsonSerializer.Serialize(Example, HypothesisReply.Options),
        ["maxHypotheses"] = HypothesisReply.MaxHypotheses.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["baseVersion"] = brief.Base.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["deploymentId"] = brief.Base.DeploymentId,
        ["observations"] = JsonSerializer.Serialize(brief.Findings.Observations, Json),
        ["verdicts"] = JsonSerializer.Serialize(brief.Findings.Verdicts, Json),
    };

    private static ReplyBody Example { get; } = new(
    [
        new ReplyHypothesis("retrieval.top_k", ChangeDirection.Up, [JsonSerializer.SerializeToElement(7)],
            new Dictionary<string, MetricEffect> { ["retrieval.delivered_recall"] = MetricEffect.Up, ["retrieval.delivered_precision"] = MetricEffect.Down },
            "Multi-hop questions miss their second piece of evidence; more delivered items leave room for it.", ["exp-123"]),
    ]);
}
