using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Manager.Goals;

public sealed record GoalObjectiveInput(string? Metric, MetricDirection? Direction, double? Target, string? Segment);

public sealed record GoalGuardInput(string? Metric, MetricDirection? Direction, double? MaxRelativeDegradation, double? MaxAbsoluteDegradation, double? Bound);

public sealed record GoalBudgetInput(int? Experiments, int? SimulatedDialogs, int? WallTimeMinutes);

/// <summary>
/// A formal goal as JSON brings it (the meta-user's or a model's): every member may be left out and gets its default
/// (<see cref="GoalDefaults"/>; a direction is the metric's own). <see cref="GoalRules"/> checks the result.
/// </summary>
public sealed record FormalGoalInput(
    string? Deployment,
    IReadOnlyList<GoalObjectiveInput?>? Primary,
    IReadOnlyList<GoalGuardInput?>? Guards,
    IReadOnlyList<string?>? AllowedFactors,
    GoalBudgetInput? Budget,
    GoalLanguage? Language)
{
    public FormalGoal ToFormal(GoalLanguage language) => new(
        Deployment ?? GoalDefaults.Deployment,
        [.. (Primary ?? []).Select(p => new GoalObjective(p?.Metric!, p?.Direction ?? DirectionOf(p?.Metric), p?.Target, p?.Segment))],
        [.. (Guards ?? []).Select(g => new GuardMetric(g?.Metric!, g?.Direction ?? DirectionOf(g?.Metric), g?.MaxRelativeDegradation, g?.MaxAbsoluteDegradation,
            g?.Bound))],
        [.. (AllowedFactors ?? []).Select(f => f!)],
        new GoalBudget(Budget?.Experiments ?? GoalDefaults.Budget.Experiments, Budget?.SimulatedDialogs ?? GoalDefaults.Budget.SimulatedDialogs,
            Budget?.WallTimeMinutes ?? GoalDefaults.Budget.WallTimeMinutes),
        Language ?? language);

    private static MetricDirection DirectionOf(string? metric) =>
        metric is not null && MetricRegistry.TryGet(metric, out var definition) ? definition.Direction : MetricDirection.HigherIsBetter;
}
