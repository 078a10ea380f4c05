using System.Text.Json.Serialization;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Domain.Experiments;

[JsonConverter(typeof(JsonStringEnumConverter<VariantRole>))]
public enum VariantRole
{
    [JsonStringEnumMemberName("baseline")] Baseline,
    [JsonStringEnumMemberName("treatment")] Treatment,
}

/// <summary>Offline: the User Emulator plays a golden dataset version; online: real traffic is assigned to the variants.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExperimentMode>))]
public enum ExperimentMode
{
    [JsonStringEnumMemberName("offline")] Offline,
    [JsonStringEnumMemberName("online")] Online,
}

/// <summary>
/// Paired: every variant answers the same examples (the emulator's offline runs), so per-example differences are
/// compared. Unpaired: each variant gets its own units (online traffic).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnalysisKind>))]
public enum AnalysisKind
{
    [JsonStringEnumMemberName("paired")] Paired,
    [JsonStringEnumMemberName("unpaired")] Unpaired,
}

/// <summary>Absolute: in the metric's unit. Relative: a fraction of the baseline's value (0.1 = 10 %).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EffectScale>))]
public enum EffectScale
{
    [JsonStringEnumMemberName("absolute")] Absolute,
    [JsonStringEnumMemberName("relative")] Relative,
}

[JsonConverter(typeof(JsonStringEnumConverter<PriorSource>))]
public enum PriorSource
{
    [JsonStringEnumMemberName("pilot")] Pilot,
    [JsonStringEnumMemberName("prior")] Prior,
}

/// <summary>The hypothesis an experiment tests; <see cref="Id"/> names a recorded hypothesis when there is one.</summary>
public sealed record ExperimentHypothesis(string Text, string? Id);

public sealed record MinimumEffect(double Value, EffectScale Scale);

/// <summary>
/// What is known of a metric before the experiment: its standard deviation (of per-example differences for paired
/// designs, per unit for unpaired ones) and, for relative effects, the baseline mean.
/// </summary>
public sealed record MetricPrior(double StandardDeviation, double? Mean, PriorSource Source);

/// <summary>A metric the experiment is meant to move: the way it improves and the smallest change worth detecting.</summary>
public sealed record PrimaryMetric(string Metric, MetricDirection Direction, MinimumEffect MinimumEffect, MetricPrior? Prior);

/// <summary>
/// A metric that must not get worse (in its registry direction) by more than a limit: a relative or absolute
/// degradation against the baseline, or an absolute bound on the treatment's value (at most for lower-is-better
/// metrics, at least for higher-is-better ones). At least one limit is set.
/// </summary>
public sealed record GuardMetric(string Metric, MetricDirection Direction, double? MaxRelativeDegradation, double? MaxAbsoluteDegradation, double? Bound);

public sealed record DatasetVersionRef(string Name, int Version);

public sealed record MetricSampleSize(string Metric, int PerVariant);

/// <summary>Examples (paired) or units (unpaired) each variant needs: the largest over the primary metrics that have a prior.</summary>
public sealed record PlannedSampleSize(int PerVariant, IReadOnlyList<MetricSampleSize> ByMetric);

/// <summary>
/// Everything decided before an experiment runs, hashed as one document (<see cref="DesignHash"/>): the variants and
/// their roles (exactly one baseline), what is measured and how strictly, and where the traffic comes from.
/// </summary>
public sealed record ExperimentDesign(
    ExperimentHypothesis? Hypothesis,
    IReadOnlyList<ExperimentVariant> Variants,
    IReadOnlyList<PrimaryMetric> PrimaryMetrics,
    IReadOnlyList<GuardMetric> GuardMetrics,
    double Alpha,
    double Power,
    ExperimentMode Mode,
    DatasetVersionRef? Dataset,
    AnalysisKind Analysis,
    PlannedSampleSize? PlannedSampleSize,
    AssignmentUnit AssignmentUnit,
    IReadOnlyList<string> Segments)
{
    public const double DefaultAlpha = 0.05;
    public const double DefaultPower = 0.8;
    public const ExperimentMode DefaultMode = ExperimentMode.Offline;

    [JsonIgnore]
    public ExperimentVariant Baseline => Variants.Single(v => v.Role == VariantRole.Baseline);

    /// <summary>Offline runs play the same examples for every variant; online traffic splits units between them.</summary>
    public static AnalysisKind AnalysisFor(ExperimentMode mode) => mode == ExperimentMode.Offline ? AnalysisKind.Paired : AnalysisKind.Unpaired;

    /// <summary>The first variant is the baseline unless one is named; the others are treatments.</summary>
    public static IReadOnlyList<ExperimentVariant> WithRoles(IReadOnlyList<ExperimentVariant> variants) =>
        variants.Any(v => v.Role is not null)
            ? [.. variants.Select(v => v with { Role = v.Role ?? VariantRole.Treatment })]
            : [.. variants.Select((v, i) => v with { Role = i == 0 ? VariantRole.Baseline : VariantRole.Treatment })];

    /// <summary>The design of an experiment registered without one (before designs existed, or with only variants).</summary>
    public static ExperimentDesign Default(IReadOnlyList<ExperimentVariant> variants, AssignmentUnit unit) =>
        new(null, WithRoles(variants), [], [], DefaultAlpha, DefaultPower, DefaultMode, null, AnalysisFor(DefaultMode), null, unit, []);
}
