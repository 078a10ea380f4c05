using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>
/// A verdict as the findings the hypothesis rules read: the baseline's measurements (the deployment's configuration under
/// test) as observations, and each treatment's call with its changes and its metrics (latency carries the p95).
/// </summary>
public static class VerdictFindings
{
    public static Findings From(VerdictRecorded verdict, string deploymentId, IReadOnlyDictionary<string, IReadOnlyList<ParameterChange>> changesByVariant)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var baseline = verdict.Result.Treatments.FirstOrDefault()?.Metrics ?? [];
        var observations = baseline.Where(m => m.BaselineValue is not null)
            .Select(m => new SegmentObservation(m.Metric, SegmentOf(m), BaselineOf(m), null, m.BaselineCount)).ToList();
        var verdicts = verdict.Result.Treatments.Select(t => new VerdictEvidence(verdict.ExperimentId, verdict.VerdictId, t.Call,
            changesByVariant.TryGetValue(t.Variant, out var changes) ? changes : [],
            [.. t.Metrics.Where(m => m.TreatmentValue is not null && m.BaselineValue is not null)
                .Select(m => new SegmentObservation(m.Metric, SegmentOf(m), TreatmentOf(m), BaselineOf(m), m.TreatmentCount, m.Significance))])).ToList();
        return new Findings(deploymentId, observations, verdicts, verdict.ExperimentId, verdict.VerdictId);
    }

    private static string? SegmentOf(MetricComparison m) => m.Segment == Segments.All ? null : m.Segment;

    private static bool Skewed(MetricComparison m) => MetricRegistry.Get(m.Metric).Outcome == MetricOutcome.Skewed;

    private static double BaselineOf(MetricComparison m) => Skewed(m) && m.BaselineP95 is { } p95 ? p95 : m.BaselineValue!.Value;

    private static double TreatmentOf(MetricComparison m) => Skewed(m) && m.TreatmentP95 is { } p95 ? p95 : m.TreatmentValue!.Value;
}
