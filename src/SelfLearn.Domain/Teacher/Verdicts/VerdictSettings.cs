using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>The fixed rules of a verdict (docs/TEACHER.md, "Verdicts"); changing one means bumping StatisticsVersion.</summary>
public static class VerdictSettings
{
    /// <summary>Matched examples (paired) or units per arm (unpaired) below which no test is run; a primary metric below it makes the verdict invalid.</summary>
    public const long MinimumSamples = 10;

    /// <summary>The quantile a skewed primary or guard is judged at (latency is held to its tail); the median is reported beside it.</summary>
    public const double SkewedDecidingQuantile = 0.95;

    public const double SkewedReportedQuantile = 0.5;

    /// <summary>
    /// Values per arm above which a skewed metric is judged on its mean instead: a bootstrap costs resamples × values
    /// draws per arm and quantile (2000 × 20,000 × 2 arms × 2 quantiles = 160 million at the limit), per metric and segment.
    /// </summary>
    public const long MaxBootstrapValues = 20_000;

    /// <summary>The bootstrap a new verdict stores and runs: <see cref="BootstrapSettings"/>' defaults at the design's alpha.</summary>
    public static BootstrapSettings Bootstrap(double alpha) => new(Alpha: alpha);

    public const string WrongAbstention = "answer.wrong_abstention_rate";

    /// <summary>The Goodhart guard's default limit: wrong abstentions may rise by at most 2 percentage points.</summary>
    public const double WrongAbstentionMaxAbsoluteDegradation = 0.02;

    /// <summary>Goals that abstaining more would game: a hallucination goal always gets the wrong-abstention guard.</summary>
    public static IReadOnlySet<string> HallucinationGoals { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "answer.hallucination_rate", "answer.faithfulness",
    };

    /// <summary>Side-effect metrics every evaluation reports (when not already primary or guard); judge-scored ones only when the design needs a judge.</summary>
    public static IReadOnlyList<string> DefaultSideEffects { get; } =
    [
        "retrieval.delivered_precision", "retrieval.delivered_recall", "retrieval.recall@10", "answer.abstention_rate",
        WrongAbstention, "latency.total_ms", "tokens.in", "cost.usd", "error.rate",
    ];

    public static IReadOnlyList<string> JudgedSideEffects { get; } = ["answer.correctness", "answer.hallucination_rate"];

    /// <summary>The design's guards plus the Goodhart guard when a primary is a hallucination goal and nothing guards wrong abstentions.</summary>
    public static IReadOnlyList<GuardMetric> GuardsOf(ExperimentDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var hallucinationGoal = design.PrimaryMetrics.Any(p => HallucinationGoals.Contains(p.Metric));
        var named = design.PrimaryMetrics.Any(p => p.Metric == WrongAbstention) || design.GuardMetrics.Any(g => g.Metric == WrongAbstention);
        return hallucinationGoal && !named
            ? [.. design.GuardMetrics, new GuardMetric(WrongAbstention, MetricDirection.LowerIsBetter, null, WrongAbstentionMaxAbsoluteDegradation, null)]
            : design.GuardMetrics;
    }

    /// <summary>Primaries, guards (with the Goodhart guard), then side effects: every metric an evaluation aggregates, each once.</summary>
    public static IReadOnlyList<string> MetricsOf(ExperimentDesign design)
    {
        var needsJudge = design.PrimaryMetrics.Select(p => p.Metric).Concat(GuardsOf(design).Select(g => g.Metric))
            .Any(m => MetricRegistry.TryGet(m, out var d) && d.Needs == MetricNeeds.Judge);
        return
        [
            .. design.PrimaryMetrics.Select(p => p.Metric).Concat(GuardsOf(design).Select(g => g.Metric))
                .Concat(DefaultSideEffects).Concat(needsJudge ? JudgedSideEffects : []).Distinct(StringComparer.Ordinal),
        ];
    }
}
