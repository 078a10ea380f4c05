using System.Globalization;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Domain.Teacher.Recommendations;

/// <summary>
/// The rule that turns a won experiment into a recommendation (the seed's <c>top_k 3 → 2</c>): apply the winner's
/// changes; expect each metric to move as the verdict measured it on all examples (significant or "same"); roll back if a
/// significantly improved metric loses what it gained.
/// </summary>
public static class RecommendationRules
{
    public const string WinnerVerdict = "winner-verdict";

    public static IReadOnlyList<RecommendationDraft> Propose(Findings findings, ProposalBase proposalBase, ProposalRuleSettings settings) =>
        [.. findings.Verdicts.Where(v => v.Call == VerdictCall.Winner && v.Changes.Count > 0)
            .Select(v => FromWinner(v, proposalBase, settings)).OfType<RecommendationDraft>()];

    private static RecommendationDraft? FromWinner(VerdictEvidence verdict, ProposalBase proposalBase, ProposalRuleSettings settings)
    {
        var overall = verdict.Metrics.Where(m => m.Segment is null && MetricRegistry.IsKnown(m.Metric))
            .GroupBy(m => m.Metric).Select(g => g.First()).Take(ProposalLimits.MaxEffects).ToList();
        var improved = overall.Where(m => m.Significance == Significance.Better).Take(ProposalLimits.MaxRollbackConditions).ToList();
        if (improved.Count == 0)
            return null;
        var effects = overall.ToDictionary(m => m.Metric, Effect, StringComparer.Ordinal);
        var reason = $"experiment {verdict.ExperimentId}: winner; " + string.Join(", ", improved.Select(Describe)) + ".";
        return new RecommendationDraft(proposalBase.DeploymentId, proposalBase.Version, RecommendationDraft.UpdateParams, verdict.Changes, effects,
            reason, [verdict.ExperimentId, verdict.VerdictId],
            [.. improved.Select(m => new RollbackCondition(m.Metric, settings.RollbackMaxDrop, settings.RollbackWindows))],
            ProposalSource.FromRule(WinnerVerdict), ExperimentId: verdict.ExperimentId);
    }

    private static MetricEffect Effect(SegmentObservation metric)
    {
        if (metric.Significance == Significance.None)
            return MetricEffect.Same;
        var higherIsBetter = MetricRegistry.TryGet(metric.Metric, out var definition) && definition.Direction == MetricDirection.HigherIsBetter;
        return (metric.Significance == Significance.Better) == higherIsBetter ? MetricEffect.Up : MetricEffect.Down;
    }

    private static string Describe(SegmentObservation metric) => metric.BaselineValue is { } baseline
        ? string.Create(CultureInfo.InvariantCulture, $"{metric.Metric} {baseline:0.###} → {metric.Value:0.###}")
        : string.Create(CultureInfo.InvariantCulture, $"{metric.Metric} {metric.Value:0.###}");
}
