namespace SelfLearn.Web.Experiments;

/// <summary>The latest verdict as <c>GET /api/experiments/{id}/verdict</c> serves it (docs/TEACHER.md, "Verdicts"); the input is not shown here.</summary>
public sealed record VerdictView(string ExperimentId, string VerdictId, string By, VerdictResultView Result);

public sealed record VerdictResultView(SampleRatioView? SampleRatio, IReadOnlyList<GuardMetricView> Guards, IReadOnlyList<TreatmentVerdictView> Treatments);

public sealed record SampleRatioView(IReadOnlyList<string> Variants, IReadOnlyList<long> Runs, double ChiSquare, double P, bool IsMismatch);

public sealed record TreatmentVerdictView(
    string Variant,
    string Call,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<GuardBreachView> BreachedGuards,
    IReadOnlyList<MetricComparisonView> Metrics);

public sealed record GuardBreachView(string Metric, string Limit, double LimitValue, double Observed);

public sealed record IntervalView(double Lower, double Upper, double Level);

public sealed record MetricComparisonView(
    string Metric,
    string Segment,
    string Role,
    string Test,
    long BaselineCount,
    long TreatmentCount,
    double? BaselineValue,
    double? TreatmentValue,
    double? BaselineP95,
    double? TreatmentP95,
    double? AbsoluteDelta,
    IntervalView? AbsoluteInterval,
    double? RelativeDelta,
    IntervalView? RelativeInterval,
    double? StandardError,
    double? P,
    double? AdjustedP,
    string Significance,
    bool? MeetsMinimumEffect,
    string? Note);

/// <summary>What <c>GET /api/experiments/{id}/verdict/recompute</c> answers.</summary>
public sealed record RecomputeView(string ExperimentId, string VerdictId, bool Reproduced, IReadOnlyList<string> Differences);
