using System.Text.Json.Serialization;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>
/// Everything a verdict is computed from, stored with it so <c>recompute</c> needs nothing else: the design, the
/// aggregates (per variant and segment, and paired against the baseline), the side-effect metrics asked for, and the
/// judge, dataset and statistics versions used. <c>Bootstrap</c> holds the seed, resamples and level of the quantile
/// bootstrap of skewed primaries and guards; null (verdicts stored before it existed) judges skewed metrics on means.
/// </summary>
public sealed record VerdictInput(
    string ExperimentId,
    ExperimentDesign Design,
    IReadOnlyList<MetricAggregate> PerVariant,
    IReadOnlyList<PairedAggregate> Paired,
    IReadOnlyList<string> SideEffectMetrics,
    JudgeRef? Judge,
    DatasetVersionRef? Dataset,
    string StatisticsVersion,
    BootstrapSettings? Bootstrap = null,
    string? SimulationId = null);

[JsonConverter(typeof(JsonStringEnumConverter<MetricRole>))]
public enum MetricRole
{
    [JsonStringEnumMemberName("primary")] Primary,
    [JsonStringEnumMemberName("guard")] Guard,
    [JsonStringEnumMemberName("sideEffect")] SideEffect,
}

[JsonConverter(typeof(JsonStringEnumConverter<ComparisonTest>))]
public enum ComparisonTest
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("pairedT")] PairedT,
    [JsonStringEnumMemberName("mcNemar")] McNemar,
    [JsonStringEnumMemberName("welchT")] WelchT,
    [JsonStringEnumMemberName("twoProportionZ")] TwoProportionZ,
    [JsonStringEnumMemberName("quantileBootstrap")] QuantileBootstrap,
}

/// <summary>A seeded bootstrap of one quantile (0.5 for p50, 0.95 for p95) of a skewed metric, treatment against baseline.</summary>
public sealed record QuantileComparison(double Quantile, BootstrapDifference Bootstrap);

/// <summary>
/// One metric on one segment, treatment against baseline. Deltas are treatment − baseline; <c>Significance</c> reads the
/// adjusted p for primary metrics on all examples and the raw p elsewhere. <c>UnpairedStandardError</c> (paired designs
/// only) is the standard error the unpaired analysis would have had: the gain of pairing. Without enough samples the
/// test fields are null and <c>Note</c> says why. A skewed primary or guard with value distributions is judged on its p95
/// (test <c>quantileBootstrap</c>: values, delta, interval and p are the p95's); <c>Quantiles</c> then holds the p50 and
/// p95 bootstraps and <c>Mean</c> the paired t or Welch comparison of its mean that other metrics get.
/// </summary>
public sealed record MetricComparison(
    string Metric,
    string Segment,
    MetricRole Role,
    ComparisonTest Test,
    long BaselineCount,
    long TreatmentCount,
    double? BaselineValue,
    double? TreatmentValue,
    double? BaselineP95,
    double? TreatmentP95,
    double? AbsoluteDelta,
    ConfidenceInterval? AbsoluteInterval,
    double? RelativeDelta,
    ConfidenceInterval? RelativeInterval,
    double? StandardError,
    double? UnpairedStandardError,
    double? P,
    double? AdjustedP,
    Significance Significance,
    bool? MeetsMinimumEffect,
    string? Note,
    IReadOnlyList<QuantileComparison>? Quantiles = null,
    MetricComparison? Mean = null);

/// <summary>A guard the treatment crossed: which limit, its value, and what was observed (a degradation or the treatment's value).</summary>
public sealed record GuardBreach(string Metric, string Limit, double LimitValue, double Observed);

/// <summary>The call on one treatment, why, and every comparison it rests on.</summary>
public sealed record TreatmentVerdict(
    string Variant,
    VerdictCall Call,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<GuardBreach> BreachedGuards,
    IReadOnlyList<MetricComparison> Metrics);

/// <summary>The sample-ratio check over all variants' answered runs (equal planned split).</summary>
public sealed record SampleRatioCheck(IReadOnlyList<string> Variants, IReadOnlyList<long> Runs, double ChiSquare, double P, bool IsMismatch);

/// <summary>What the decider concludes from a <see cref="VerdictInput"/>: a pure function of it, so recompute must give the same.</summary>
public sealed record VerdictResult(
    SampleRatioCheck? SampleRatio,
    IReadOnlyList<GuardMetric> Guards,
    IReadOnlyList<TreatmentVerdict> Treatments);

/// <summary>One evaluation of an experiment: one outcome per treatment, with the input it was computed from.</summary>
public sealed record VerdictRecorded(string ExperimentId, string VerdictId, string By, VerdictInput Input, VerdictResult Result)
{
    /// <summary>Verdicts of an experiment live in their own stream, so evaluating never moves the experiment's version.</summary>
    public static string StreamKey(string experimentId) => $"verdict:{experimentId}";
}
