using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// The gain that ranks a recommendation: the relative change of the goal's first primary metric (on its segment, or
/// all examples) in the metric's good direction — positive is better, whichever way the metric should move.
/// </summary>
public static class PrimaryGain
{
    public const string AllExamples = "all";

    public static double Of(FormalGoal goal, IReadOnlyList<MetricGain> metrics)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(metrics);
        if (goal.Primary.Count == 0)
            return 0;
        var objective = goal.Primary[0];
        var segment = objective.Segment ?? AllExamples;
        var gain = metrics.FirstOrDefault(m => m.Metric == objective.Metric && m.Segment == segment && m.Role == MetricRole.Primary)?.RelativeDelta ?? 0;
        return MetricRegistry.Get(objective.Metric).Direction == MetricDirection.HigherIsBetter ? gain : -gain;
    }
}
