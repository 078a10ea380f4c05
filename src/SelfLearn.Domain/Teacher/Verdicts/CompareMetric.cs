using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>
/// The test of one metric on one segment: paired t (continuous, skewed) or McNemar (binary) on the paired aggregate of
/// a paired design; Welch t or the two-proportion z on the per-variant aggregates of an unpaired one. This is the test
/// of the mean; <see cref="CompareSkewed"/> judges skewed primaries and guards on their p95 instead.
/// </summary>
internal static class CompareMetric
{
    public static MetricComparison Paired(MetricDefinition metric, string segment, MetricRole role, PairedAggregate? pair,
        MetricAggregate? baseline, MetricAggregate? treatment, double alpha)
    {
        var count = pair?.Count ?? 0;
        if (pair is null || count < VerdictSettings.MinimumSamples)
            return TooFew(metric, segment, role, count, count, baseline, treatment);
        var moments = new PairedMoments(pair.Count, pair.SumBaseline, pair.SumSqBaseline, pair.SumTreatment, pair.SumSqTreatment, pair.SumDiff, pair.SumSqDiff);
        var relative = RelativeDelta.Paired(moments, alpha);
        var unpaired = Math.Sqrt(moments.Baseline.Variance / count + moments.Treatment.Variance / count);
        if (metric.Outcome == MetricOutcome.Binary)
        {
            // 0/1 values: Σd = c − b and Σd² = b + c.
            var baselineOnly = (long)Math.Round((pair.SumSqDiff - pair.SumDiff) / 2);
            var treatmentOnly = (long)Math.Round((pair.SumSqDiff + pair.SumDiff) / 2);
            var both = (long)Math.Round(pair.SumBaseline) - baselineOnly;
            var test = McNemarTest.Run(new PairedBinaryCounts(count, both, baselineOnly, treatmentOnly), alpha).Test;
            return Tested(metric, segment, role, ComparisonTest.McNemar, count, count, test.BaselineRate, test.TreatmentRate, baseline, treatment,
                test.Difference, test.Interval, relative, test.StandardError, unpaired, test.P, alpha);
        }
        var t = PairedTTest.Run(moments, alpha);
        return Tested(metric, segment, role, ComparisonTest.PairedT, count, count, t.BaselineMean, t.TreatmentMean, baseline, treatment,
            t.Difference, t.Interval, relative, t.StandardError, unpaired, t.P, alpha);
    }

    public static MetricComparison Unpaired(MetricDefinition metric, string segment, MetricRole role, MetricAggregate? baseline,
        MetricAggregate? treatment, double alpha)
    {
        long nb = baseline?.Count ?? 0, nt = treatment?.Count ?? 0;
        if (baseline is null || treatment is null || Math.Min(nb, nt) < VerdictSettings.MinimumSamples)
            return TooFew(metric, segment, role, nb, nt, baseline, treatment);
        var b = new SampleMoments(nb, baseline.Sum, baseline.SumOfSquares);
        var t = new SampleMoments(nt, treatment.Sum, treatment.SumOfSquares);
        var relative = RelativeDelta.Unpaired(b, t, alpha);
        if (metric.Outcome == MetricOutcome.Binary)
        {
            var test = TwoProportionZTest.Run(new ProportionCounts((long)Math.Round(baseline.Sum), nb), new ProportionCounts((long)Math.Round(treatment.Sum), nt), alpha);
            return Tested(metric, segment, role, ComparisonTest.TwoProportionZ, nb, nt, test.BaselineRate, test.TreatmentRate, baseline, treatment,
                test.Difference, test.Interval, relative, test.StandardError, null, test.P, alpha);
        }
        var welch = WelchTTest.Run(b, t, alpha);
        return Tested(metric, segment, role, ComparisonTest.WelchT, nb, nt, welch.BaselineMean, welch.TreatmentMean, baseline, treatment,
            welch.Difference, welch.Interval, relative, welch.StandardError, null, welch.P, alpha);
    }

    /// <summary>Significance in the metric's quality terms at a p-value (raw, or Holm-adjusted for primaries).</summary>
    public static Significance SignificanceOf(MetricDefinition metric, double? delta, double? p, double alpha) =>
        p is not { } value || value > alpha || delta is not { } d || d == 0 ? Significance.None
        : (d > 0) == (metric.Direction == MetricDirection.HigherIsBetter) ? Significance.Better : Significance.Worse;

    private static MetricComparison Tested(MetricDefinition metric, string segment, MetricRole role, ComparisonTest test, long nb, long nt,
        double baselineValue, double treatmentValue, MetricAggregate? baseline, MetricAggregate? treatment, double delta, ConfidenceInterval interval,
        RelativeDeltaResult? relative, double standardError, double? unpaired, double p, double alpha) =>
        new(metric.Name, segment, role, test, nb, nt, baselineValue, treatmentValue, baseline?.P95, treatment?.P95, delta, interval,
            relative?.Estimate, relative?.Interval, standardError, unpaired, p, null, SignificanceOf(metric, delta, p, alpha), null, null);

    private static MetricComparison TooFew(MetricDefinition metric, string segment, MetricRole role, long nb, long nt,
        MetricAggregate? baseline, MetricAggregate? treatment) =>
        new(metric.Name, segment, role, ComparisonTest.None, nb, nt, Mean(baseline), Mean(treatment), baseline?.P95, treatment?.P95,
            null, null, null, null, null, null, null, null, Significance.None, null,
            $"too few samples: a test needs at least {VerdictSettings.MinimumSamples} (got {Math.Min(nb, nt)}).");

    private static double? Mean(MetricAggregate? aggregate) => aggregate is { Count: > 0 } a ? a.Sum / a.Count : null;
}
