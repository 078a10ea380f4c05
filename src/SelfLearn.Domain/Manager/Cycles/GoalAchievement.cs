using System.Globalization;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// A goal is achieved when the cycle activated a change and the verdict's treatment figure of every primary metric with
/// a target reaches that target the metric's way (higher: at least; lower: at most), on the objective's segment ("all"
/// when none). A goal without any target is never achieved by one gain: it runs until its budget is spent.
/// </summary>
public static class GoalAchievement
{
    /// <summary>The reason naming the figures when the goal is met; null when it is not (or has no target).</summary>
    public static string? Check(FormalGoal goal, Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(cycle);
        var targeted = goal.Primary.Where(p => p.Target is not null).ToList();
        if (targeted.Count == 0 || cycle.Change is not { Kind: CycleChange.Activated, RecommendationId: { } recommendationId })
            return null;
        var experimentId = cycle.Recommendations?.FirstOrDefault(r => r.RecommendationId == recommendationId)?.ExperimentId;
        var metrics = cycle.Experiments?.FirstOrDefault(x => x.Plan.ExperimentId == experimentId)?.Metrics ?? [];
        var figures = new List<string>();
        foreach (var objective in targeted)
        {
            var segment = objective.Segment ?? Segments.All;
            var treatment = metrics.FirstOrDefault(m => m.Metric == objective.Metric && m.Segment == segment)?.Treatment;
            var target = objective.Target!.Value;
            var higher = objective.Direction == MetricDirection.HigherIsBetter;
            if (treatment is not { } value || (higher ? value < target : value > target))
                return null;
            figures.Add($"{objective.Metric} ({segment}) {F(value)} {(higher ? "≥" : "≤")} target {F(target)}");
        }
        return $"every targeted primary metric reached its target in experiment {experimentId} (activated version {cycle.Change.ConfigVersion}): {string.Join("; ", figures)}.";
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
