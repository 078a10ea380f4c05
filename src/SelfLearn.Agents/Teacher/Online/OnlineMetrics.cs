using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Online;

/// <summary>
/// What live traffic can measure without golden answers (docs/ONLINE.md), by when its per-run value is known: when the
/// run is written, when its user's feedback arrives, or when the judge has graded a sampled run. Each value is the
/// registry's own per-run formula (<see cref="Metrics.MetricSql"/>), so an online figure means what the offline one means.
/// </summary>
public static class OnlineMetrics
{
    public static IReadOnlyList<MetricDefinition> OfRun { get; } =
    [
        .. MetricRegistry.Stages.Select(stage => MetricRegistry.Get($"latency.{stage}_ms")),
        MetricRegistry.Get("error.rate"),
        MetricRegistry.Get("answer.abstention_rate"),
        MetricRegistry.Get("tokens.in"),
        MetricRegistry.Get("tokens.out"),
    ];

    public static IReadOnlyList<MetricDefinition> OfFeedback { get; } =
        [MetricRegistry.Get("feedback.negative_rate"), MetricRegistry.Get("feedback.rating")];

    public static IReadOnlyList<MetricDefinition> OfJudge { get; } =
        [MetricRegistry.Get("answer.faithfulness"), MetricRegistry.Get("context.utilization")];

    public static IReadOnlyList<MetricDefinition> All { get; } = [.. OfRun, .. OfFeedback, .. OfJudge];

    public static bool IsOnline(string metric) => All.Any(m => m.Name == metric);
}
