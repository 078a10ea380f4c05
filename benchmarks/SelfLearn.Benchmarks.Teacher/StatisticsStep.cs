using System.Diagnostics;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Benchmarks.Teacher;

/// <summary>One metric in one segment as the statistics step sees it: delta, p-value, Holm-adjusted p across the <c>all</c> segment.</summary>
internal sealed record MetricTest(string Metric, string Segment, long Pairs, double Baseline, double Treatment, double Difference, double P, double? HolmP, string Test);

internal sealed record StatisticsTiming(int Tests, int Repetitions, double MicrosecondsPerSet, double MicrosecondsPerTest, IReadOnlyList<MetricTest> AllSegment);

/// <summary>
/// The statistics a verdict runs on the paired aggregates, timed: a paired t-test for every continuous or skewed
/// metric, McNemar for every binary one (its 2×2 table from the sums and discordant counts), the relative delta, and
/// Holm across the <c>all</c> segment's metrics. No decision rules: those are the verdict decider's (another slice).
/// </summary>
internal static class StatisticsStep
{
    public static StatisticsTiming Run(IReadOnlyList<PairedAggregate> paired, int repetitions = 2000)
    {
        var tests = TestAll(paired); // once to JIT and to report
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
            tests = TestAll(paired);
        var perSet = watch.Elapsed.TotalMicroseconds / repetitions;
        return new StatisticsTiming(tests.Count, repetitions, Stats.Round(perSet, 1), Stats.Round(perSet / tests.Count, 2),
            [.. tests.Where(t => t.Segment == Segments.All)]);
    }

    public static IReadOnlyList<MetricTest> TestAll(IReadOnlyList<PairedAggregate> paired)
    {
        var tests = paired.Where(p => p.Count >= 2).Select(Test).ToList();
        var all = tests.Where(t => t.Segment == Segments.All).ToList();
        var adjusted = HolmBonferroni.Adjust([.. all.Select(t => t.P)]);
        return [.. tests.Select(t => t.Segment == Segments.All ? t with { HolmP = adjusted[all.IndexOf(t)] } : t)];
    }

    private static MetricTest Test(PairedAggregate p)
    {
        var metric = MetricRegistry.Get(p.Metric);
        if (metric.Outcome == MetricOutcome.Binary)
        {
            var higherIsBetter = metric.Direction == MetricDirection.HigherIsBetter;
            var (baselineOnly, treatmentOnly) = higherIsBetter ? (p.DiscordantWorse, p.DiscordantBetter) : (p.DiscordantBetter, p.DiscordantWorse);
            var both = (long)Math.Round(p.SumBaseline) - baselineOnly;
            var mcnemar = McNemarTest.Run(new PairedBinaryCounts(p.Count, both, baselineOnly, treatmentOnly)).Test;
            return new MetricTest(p.Metric, p.Segment, p.Count, mcnemar.BaselineRate, mcnemar.TreatmentRate, mcnemar.Difference, mcnemar.P, null, "mcNemar");
        }
        var moments = new PairedMoments(p.Count, p.SumBaseline, p.SumSqBaseline, p.SumTreatment, p.SumSqTreatment, p.SumDiff, p.SumSqDiff);
        var t = PairedTTest.Run(moments);
        _ = RelativeDelta.Paired(moments);
        return new MetricTest(p.Metric, p.Segment, p.Count, t.BaselineMean, t.TreatmentMean, t.Difference, t.P, null, "pairedT");
    }
}
