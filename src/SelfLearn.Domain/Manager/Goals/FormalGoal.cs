using System.Text.Json.Serialization;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>
/// A metric the goal wants moved: its registry name (docs/METRICS.md), the way it should go, the value that achieves
/// the goal (null: any significant gain) and the segment it is measured on (null: all questions).
/// </summary>
public sealed record GoalObjective(string Metric, MetricDirection Direction, double? Target, string? Segment);

/// <summary>How much one goal may spend across its cycles.</summary>
public sealed record GoalBudget(int Experiments, int SimulatedDialogs, int WallTimeMinutes);

[JsonConverter(typeof(JsonStringEnumConverter<GoalLanguage>))]
public enum GoalLanguage
{
    [JsonStringEnumMemberName("en")] English,
    [JsonStringEnumMemberName("ru")] Russian,
}

/// <summary>
/// A goal as the Manager formalised it and the meta-user confirms it: the deployment it tunes, what to improve, what
/// must not get worse (the experiments' guard shape), the factors it may change (empty: every factor the autonomy
/// policy lets the loop change), its budget, and the language its reports are written in.
/// </summary>
public sealed record FormalGoal(
    string Deployment,
    IReadOnlyList<GoalObjective> Primary,
    IReadOnlyList<GuardMetric> Guards,
    IReadOnlyList<string> AllowedFactors,
    GoalBudget Budget,
    GoalLanguage Language);
