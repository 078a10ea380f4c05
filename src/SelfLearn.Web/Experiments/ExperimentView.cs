namespace SelfLearn.Web.Experiments;

/// <summary>An experiment as <c>GET /api/experiments/{id}</c> serves it (docs/API.md, "Experiments").</summary>
public sealed record ExperimentView(
    string ExperimentId,
    string DeploymentId,
    IReadOnlyList<VariantView> Variants,
    string AssignmentUnit,
    string? Description,
    string By,
    DateTimeOffset RegisteredAt,
    long Version,
    DesignView Design,
    string DesignSha256,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<TransitionView> Transitions);

public sealed record VariantView(string Name, int ConfigVersion, string? Role, double? Weight);

public sealed record TransitionView(string Status, DateTimeOffset At, string By, string? Reason);

public sealed record DesignView(
    HypothesisView? Hypothesis,
    IReadOnlyList<PrimaryMetricView> PrimaryMetrics,
    IReadOnlyList<GuardMetricView> GuardMetrics,
    double Alpha,
    double Power,
    string Mode,
    DatasetRefView? Dataset,
    string Analysis,
    PlannedSampleSizeView? PlannedSampleSize,
    IReadOnlyList<string> Segments);

public sealed record HypothesisView(string Text, string? Id);

public sealed record PrimaryMetricView(string Metric, string Direction, MinimumEffectView MinimumEffect, PriorView? Prior);

public sealed record MinimumEffectView(double Value, string Scale);

public sealed record PriorView(double StandardDeviation, double? Mean, string Source);

public sealed record GuardMetricView(string Metric, string Direction, double? MaxRelativeDegradation, double? MaxAbsoluteDegradation, double? Bound);

public sealed record DatasetRefView(string Name, int Version);

public sealed record PlannedSampleSizeView(int PerVariant, IReadOnlyList<MetricSampleSizeView> ByMetric);

public sealed record MetricSampleSizeView(string Metric, int PerVariant);
