using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Scenarios;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>
/// The formaliser's Semantic Kernel prompt. The reply's shape is an example serialized with the reply's own options,
/// so the prompt never drifts from the schema the reply is checked against.
/// </summary>
internal static class GoalFormaliserPrompt
{
    public const string Template = """
        <message role="system">
        You are the Manager of a memory service that is tuned through experiments. You turn the meta-user's goal, written
        in plain English or Russian, into a formal goal. Code checks every name and number; anything outside the lists
        below is refused.

        Reply with ONE JSON object and nothing else, of this shape:
        {{$shape}}

        Rules:
        - "primary": the metrics to move. "metric" is a name from the metric list; "direction" is the way that metric
          improves ("higher" or "lower"); "target" is the value that achieves the goal in the metric's unit (a ratio is
          0 to 1, so 3 % is 0.03; latency in milliseconds) or null; "segment" is null (all questions) or one of the
          segments below.
        - "guards": metrics that must not get worse. "without losing X" is maxRelativeDegradation {{$noLoss}};
          "X untouched" is maxRelativeDegradation {{$untouched}}; "X stays under N" is bound N.
        - "allowedFactors": keys from the factor list when the goal limits what may change, else [].
        - "deployment": "{{$deployment}}" unless the goal names another one.
        - "budget": experiments, simulatedDialogs, wallTimeMinutes; use {{$budget}} where the goal says nothing.
        - Leave out "language".

        Metrics (name, unit, better): {{$metrics}}
        Segments: "kind:" followed by one of {{$kinds}}; "persona:" followed by a persona id; "project:" followed by a project name.
        Factors that may change: {{$factors}}
        </message>
        <message role="user">
        {{$goal}}
        </message>
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Dictionary<string, string> Arguments(string goal, IReadOnlyDictionary<string, ImpactFactor> catalog) => new(StringComparer.Ordinal)
    {
        ["shape"] = JsonSerializer.Serialize(Example, GoalReply.Options),
        ["noLoss"] = GoalDefaults.NoLossRelativeDegradation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["untouched"] = GoalDefaults.UntouchedRelativeDegradation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["deployment"] = GoalDefaults.Deployment,
        ["budget"] = JsonSerializer.Serialize(GoalDefaults.Budget, Json),
        ["metrics"] = JsonSerializer.Serialize(MetricRegistry.All.Select(m => new { name = m.Name, unit = m.Unit, better = m.Direction }), Json),
        ["kinds"] = string.Join(", ", QuestionKinds.All),
        ["factors"] = string.Join(", ", catalog.Values.Where(f => f.Zone != FactorZone.Frozen).Select(f => f.Key).Order(StringComparer.Ordinal)),
        ["goal"] = goal,
    };

    private static FormalGoalInput Example { get; } = new("default",
        [new GoalObjectiveInput("answer.hallucination_rate", MetricDirection.LowerIsBetter, 0.03, null)],
        [new GoalGuardInput("retrieval.recall@10", MetricDirection.HigherIsBetter, 0.02, null, null),
            new GoalGuardInput("latency.total_ms", MetricDirection.LowerIsBetter, null, null, 300)],
        ["retrieval.top_k"], new GoalBudgetInput(3, 1000, 120), null);
}
