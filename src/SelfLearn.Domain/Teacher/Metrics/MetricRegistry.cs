using System.Diagnostics.CodeAnalysis;
using static SelfLearn.Domain.Teacher.Metrics.MetricDirection;
using static SelfLearn.Domain.Teacher.Metrics.MetricNeeds;
using static SelfLearn.Domain.Teacher.Metrics.MetricOutcome;

namespace SelfLearn.Domain.Teacher.Metrics;

/// <summary>
/// The one list of metric names that experiment designs, verdicts, goals and degradation rules use; docs/METRICS.md
/// describes the same list (a test keeps them equal). An unknown name is refused wherever a metric is named.
/// </summary>
public static class MetricRegistry
{
    /// <summary>Depths of the ranked list that ranking metrics are reported at.</summary>
    public static IReadOnlyList<int> Depths { get; } = [1, 5, 10, 20, 50];

    /// <summary>Pipeline stages timed per request (the Student's <c>latency_ms</c> keys).</summary>
    public static IReadOnlyList<string> Stages { get; } = ["config", "embed", "load", "retrieve", "generate", "total"];

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        .. Depths.Select(k => new MetricDefinition($"retrieval.recall@{k}",
            $"|evidence ∩ first {k} ranked source ids| / |evidence|", "ratio", HigherIsBetter, GoldenEvidence, Continuous, true)),
        .. Depths.Select(k => new MetricDefinition($"retrieval.hit@{k}",
            $"1 if any evidence id is among the first {k} ranked source ids, else 0", "ratio", HigherIsBetter, GoldenEvidence, Binary, true)),
        .. Depths.Select(k => new MetricDefinition($"retrieval.ndcg@{k}",
            $"DCG@{k} / ideal DCG@{k}: binary relevance, gain 1 / log2(rank + 1), ideal = all evidence ranked first", "ratio", HigherIsBetter,
            GoldenEvidence, Continuous, true)),
        new("retrieval.mrr", "1 / rank of the first evidence id in the ranked list (0 if none is ranked)", "ratio", HigherIsBetter, GoldenEvidence, Continuous, true),
        new("retrieval.delivered_precision", "delivered items whose source id is evidence / delivered items (0 when nothing was delivered)", "ratio",
            HigherIsBetter, GoldenEvidence, Continuous, true),
        new("retrieval.delivered_recall", "|evidence ∩ delivered source ids| / |evidence|", "ratio", HigherIsBetter, GoldenEvidence, Continuous, true),
        new("answer.correctness", "1 if the judge finds the answer agrees with the golden answer, else 0", "ratio", HigherIsBetter, Judge, Binary, true),
        new("answer.hallucination_rate", "1 if the judge finds a claim the delivered context does not support or that contradicts the golden answer, else 0",
            "ratio", LowerIsBetter, Judge, Binary, true),
        new("answer.faithfulness", "supported claims / claims, over answers with at least one claim", "ratio", HigherIsBetter, Judge, Continuous, true),
        new("context.utilization", "delivered items the answer used / delivered items", "ratio", HigherIsBetter, Judge, Continuous, true),
        new("answer.abstention_rate", "1 if the answer abstained, else 0", "ratio", LowerIsBetter, Nothing, Binary, true),
        new("answer.correct_abstention_rate", "over unanswerable questions: 1 if the answer abstained, else 0", "ratio", HigherIsBetter, GoldenAnswer, Binary, true),
        new("answer.wrong_abstention_rate", "over answerable questions: 1 if the answer abstained, else 0", "ratio", LowerIsBetter, GoldenAnswer, Binary, true),
        .. Stages.Select(stage => new MetricDefinition($"latency.{stage}_ms",
            $"milliseconds the MaaS reports for its '{stage}' stage of one request", "ms", LowerIsBetter, Nothing, Skewed, true)),
        new("latency.observed_total_ms", "milliseconds from sending a query to reading its answer, measured by the emulator (external MaaS only)", "ms",
            LowerIsBetter, Nothing, Skewed, true),
        new("tokens.in", "prompt tokens of one request", "tokens", LowerIsBetter, Nothing, Continuous, true),
        new("tokens.out", "completion tokens of one request", "tokens", LowerIsBetter, Nothing, Continuous, true),
        new("cost.usd", "(tokens.in × Teacher:Prices:InputPerMillion + tokens.out × Teacher:Prices:OutputPerMillion) / 1,000,000", "USD",
            LowerIsBetter, Nothing, Continuous, true),
        new("error.rate", "1 if the request failed or its model output was refused, else 0", "ratio", LowerIsBetter, Nothing, Binary, true),
        new("feedback.negative_rate", "over runs with user feedback: 1 if thumbs down or at most 2 stars, else 0", "ratio", LowerIsBetter, UserFeedback, Binary, false),
        new("feedback.rating", "over runs with user feedback: the stars (1–5); thumbs up counts 5, thumbs down 1", "stars", HigherIsBetter, UserFeedback, Continuous, false),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, [NotNullWhen(true)] out MetricDefinition? metric) => ByName.TryGetValue(name, out metric);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    /// <exception cref="ArgumentException">The name is not in the registry.</exception>
    public static MetricDefinition Get(string name) =>
        TryGet(name, out var metric) ? metric : throw new ArgumentException($"unknown metric '{name}' (docs/METRICS.md lists the known ones).", nameof(name));
}
