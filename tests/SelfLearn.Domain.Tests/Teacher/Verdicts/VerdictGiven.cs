using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Tests.Teacher.Verdicts;

/// <summary>Paired designs of two variants (control, treat) and aggregates summed here from hand-made per-example values.</summary>
internal static class VerdictGiven
{
    /// <summary>R's <c>sleep</c> data (Student 1908): extra hours of sleep of ten patients under two drugs.</summary>
    public static readonly double[] SleepGroup1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];

    public static readonly double[] SleepGroup2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    public static ExperimentDesign Design(IReadOnlyList<PrimaryMetric> primaries, IReadOnlyList<GuardMetric>? guards = null) => new(
        null, [new ExperimentVariant("control", 1, VariantRole.Baseline), new ExperimentVariant("treat", 2, VariantRole.Treatment)],
        primaries, guards ?? [], 0.05, 0.8, ExperimentMode.Offline, new DatasetVersionRef("tiny", 1), AnalysisKind.Paired, null, AssignmentUnit.User, []);

    public static PrimaryMetric Primary(string metric, double minimumEffect, EffectScale scale = EffectScale.Absolute) =>
        new(metric, MetricRegistry.Get(metric).Direction, new MinimumEffect(minimumEffect, scale), null);

    public static GuardMetric Guard(string metric, double? maxRelative = null, double? maxAbsolute = null, double? bound = null) =>
        new(metric, MetricRegistry.Get(metric).Direction, maxRelative, maxAbsolute, bound);

    /// <summary>One metric's values per example under both variants: the per-variant and paired aggregates of segment all.</summary>
    public sealed record Values(string Metric, double[] Control, double[] Treat);

    public static VerdictInput Input(ExperimentDesign design, params Values[] values) => new(
        "exp-1", design,
        [.. values.SelectMany(v => new[] { PerVariant(v.Metric, "control", v.Control), PerVariant(v.Metric, "treat", v.Treat) })],
        [.. values.Select(v => Paired(v.Metric, v.Control, v.Treat))],
        [], null, design.Dataset, SelfLearn.Domain.Teacher.Statistics.StatisticsVersion.Current);

    public static MetricAggregate PerVariant(string metric, string variant, double[] values) =>
        new(metric, variant, Segments.All, values.Length, values.Sum(), values.Sum(x => x * x), null, null, 0);

    public static PairedAggregate Paired(string metric, double[] control, double[] treat)
    {
        var d = control.Zip(treat, (b, t) => t - b).ToArray();
        return new PairedAggregate(metric, Segments.All, "control", "treat", control.Length, control.Sum(), control.Sum(x => x * x),
            treat.Sum(), treat.Sum(x => x * x), d.Sum(), d.Sum(x => x * x),
            d.Count(x => x != 0 && (x > 0) == (MetricRegistry.Get(metric).Direction == MetricDirection.HigherIsBetter)),
            d.Count(x => x != 0 && (x > 0) != (MetricRegistry.Get(metric).Direction == MetricDirection.HigherIsBetter)), 0, 0);
    }

    /// <summary><paramref name="ones"/> examples of <paramref name="n"/> with outcome 1, the rest 0; placed first.</summary>
    public static double[] Binary(int n, params int[] onesAt) => [.. Enumerable.Range(0, n).Select(i => onesAt.Contains(i) ? 1.0 : 0.0)];

    public static int[] Range(int from, int count) => [.. Enumerable.Range(from, count)];
}
