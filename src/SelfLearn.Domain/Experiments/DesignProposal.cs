using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// A design as a client sends it: every field may be missing (a default applies or a rule names what is missing).
/// <see cref="DesignRules"/> turns it into an <see cref="ExperimentDesign"/> or says why not.
/// </summary>
public sealed record DesignProposal(
    HypothesisProposal? Hypothesis = null,
    IReadOnlyList<PrimaryMetricProposal?>? PrimaryMetrics = null,
    IReadOnlyList<GuardMetricProposal?>? GuardMetrics = null,
    double? Alpha = null,
    double? Power = null,
    ExperimentMode? Mode = null,
    DatasetProposal? Dataset = null,
    IReadOnlyList<string?>? Segments = null)
{
    /// <summary>Today's body without design fields: every default applies.</summary>
    public static DesignProposal None { get; } = new();
}

public sealed record HypothesisProposal(string? Text, string? Id);

public sealed record PrimaryMetricProposal(string? Metric, MetricDirection? Direction, MinimumEffectProposal? MinimumEffect, PriorProposal? Prior);

public sealed record MinimumEffectProposal(double? Value, EffectScale? Scale);

public sealed record PriorProposal(double? StandardDeviation, double? Mean, PriorSource? Source);

public sealed record GuardMetricProposal(string? Metric, double? MaxRelativeDegradation, double? MaxAbsoluteDegradation, double? Bound);

public sealed record DatasetProposal(string? Name, int? Version);
