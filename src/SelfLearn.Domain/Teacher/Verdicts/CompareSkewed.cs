using System.Globalization;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>
/// A skewed primary or guard (latency) judged on its p95 by <see cref="QuantileBootstrap.Difference"/> over the value
/// distributions stored in the aggregates: the comparison's values, delta, interval and p become the p95's, so the
/// verdict rules (Holm, minimum effect, guard limits) read them like any other test. The mean's test is kept in
/// <see cref="MetricComparison.Mean"/>. Side effects decide nothing and keep the mean's test alone. Without a stored
/// <see cref="BootstrapSettings"/> or value distributions (verdicts stored before either existed), or above
/// <see cref="VerdictSettings.MaxBootstrapValues"/> values per arm, the mean's comparison stands.
/// </summary>
internal static class CompareSkewed
{
    public static MetricComparison Judge(MetricDefinition metric, MetricComparison mean, MetricAggregate? baseline, MetricAggregate? treatment,
        BootstrapSettings? settings, double alpha)
    {
        if (metric.Outcome != MetricOutcome.Skewed || mean.Role == MetricRole.SideEffect || settings is null
            || baseline?.Values is not { } baselineValues || treatment?.Values is not { } treatmentValues)
            return mean;
        long nb = baselineValues.Sum(v => v.Count), nt = treatmentValues.Sum(v => v.Count);
        if (Math.Min(nb, nt) < VerdictSettings.MinimumSamples)
            return mean;
        if (Math.Max(nb, nt) > VerdictSettings.MaxBootstrapValues)
            return mean with
            {
                Note = string.Create(CultureInfo.InvariantCulture,
                    $"judged on the mean: more than {VerdictSettings.MaxBootstrapValues} values per arm (got {Math.Max(nb, nt)}) for a quantile bootstrap."),
            };

        var median = QuantileBootstrap.Difference(baselineValues, treatmentValues, VerdictSettings.SkewedReportedQuantile, settings);
        var tail = QuantileBootstrap.Difference(baselineValues, treatmentValues, VerdictSettings.SkewedDecidingQuantile, settings);
        return mean with
        {
            Test = ComparisonTest.QuantileBootstrap,
            BaselineCount = nb,
            TreatmentCount = nt,
            BaselineValue = tail.BaselineValue,
            TreatmentValue = tail.TreatmentValue,
            AbsoluteDelta = tail.Difference,
            AbsoluteInterval = tail.Interval,
            // The bootstrap resamples the difference only, so the relative delta has no interval of its own.
            RelativeDelta = tail.BaselineValue == 0 ? null : tail.Difference / tail.BaselineValue,
            RelativeInterval = null,
            StandardError = null,
            UnpairedStandardError = null,
            P = tail.P,
            Significance = CompareMetric.SignificanceOf(metric, tail.Difference, tail.P, alpha),
            Note = null,
            Quantiles = [new QuantileComparison(VerdictSettings.SkewedReportedQuantile, median), new QuantileComparison(VerdictSettings.SkewedDecidingQuantile, tail)],
            Mean = mean,
        };
    }
}
