using System.Text.Json;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Domain.Tests.Teacher.Verdicts.VerdictGiven;

namespace SelfLearn.Domain.Tests.Teacher.Verdicts;

/// <summary>
/// Skewed primaries and guards judged on their p95 by the seeded bootstrap over the value distributions stored in the
/// aggregates. The latencies: the baseline answers example i in 50 + i ms (i = 0..99); the treatment is 45 ms faster on
/// the first 85 examples and 255 ms slower on the last 15, so the mean does not move (85·45 = 15·255) while the tail
/// does. percentile_cont's p95 sits at position 99·0.95 = 94.05: 144.05 for the baseline, and for the treatment (5..89,
/// then 390..404) 399 + 0.05 = 399.05.
/// </summary>
public sealed class SkewedVerdictTests
{
    private const string Latency = "latency.total_ms";
    private const string Recall = "retrieval.delivered_recall";

    private static readonly double[] Baseline = [.. Enumerable.Range(0, 100).Select(i => 50.0 + i)];
    private static readonly double[] Treatment = [.. Enumerable.Range(0, 100).Select(i => i < 85 ? 5.0 + i : 305.0 + i)];

    private static VerdictInput WithDistributions(VerdictInput input, string metric) => input with
    {
        PerVariant = [.. input.PerVariant.Select(a => a.Metric != metric ? a : a with { Values = Distribution(a.Variant == "control" ? Baseline : Treatment) })],
        Bootstrap = VerdictSettings.Bootstrap(input.Design.Alpha),
    };

    private static List<WeightedValue> Distribution(double[] values) => [.. values.GroupBy(v => v).Select(g => new WeightedValue(g.Key, g.Count()))];

    private static MetricComparison Metric(TreatmentVerdict verdict, string metric) => verdict.Metrics.Single(m => m.Metric == metric && m.Segment == Segments.All);

    private static VerdictInput LatencyGuarded() => WithDistributions(Input(Design([Primary(Recall, 1.0)], [Guard(Latency, maxAbsolute: 100)]),
        new Values(Recall, SleepGroup1, SleepGroup2), new Values(Latency, Baseline, Treatment)), Latency);

    [Fact]
    public void A_latency_guard_whose_tail_grows_is_breached_by_the_bootstrap_although_the_mean_did_not_move()
    {
        var settings = new BootstrapSettings();
        var expected = ReferenceBootstrap.Difference(Baseline, Treatment, 0.95, settings.Resamples, BootstrapSettings.DefaultSeed, 0.05);
        var expectedMedian = ReferenceBootstrap.Difference(Baseline, Treatment, 0.5, settings.Resamples, BootstrapSettings.DefaultSeed, 0.05);

        var verdict = Assert.Single(VerdictDecider.Evaluate(LatencyGuarded()).Treatments);

        var latency = Metric(verdict, Latency);
        Assert.Equal(ComparisonTest.QuantileBootstrap, latency.Test);
        Assert.Equal((100L, 100L), (latency.BaselineCount, latency.TreatmentCount));
        Assert.Equal(144.05, latency.BaselineValue!.Value, 9);
        Assert.Equal(399.05, latency.TreatmentValue!.Value, 9);
        Assert.Equal(255, latency.AbsoluteDelta!.Value, 9);
        Assert.Equal(255 / 144.05, latency.RelativeDelta!.Value, 9);
        Assert.Equal((expected.Lower, expected.Upper, 0.95), (latency.AbsoluteInterval!.Lower, latency.AbsoluteInterval.Upper, latency.AbsoluteInterval.Level));
        Assert.Equal(expected.P, latency.P);
        Assert.True(expected.P <= 0.05, $"the reference bootstrap's p is {expected.P}");
        Assert.Equal(Significance.Worse, latency.Significance);

        var quantiles = latency.Quantiles!;
        Assert.Equal([0.5, 0.95], quantiles.Select(q => q.Quantile));
        // Medians: position 49.5 → 99.5 for the baseline, 54.5 for the treatment.
        Assert.Equal((99.5, 54.5, -45.0), (quantiles[0].Bootstrap.BaselineValue, quantiles[0].Bootstrap.TreatmentValue, quantiles[0].Bootstrap.Difference));
        Assert.Equal((expectedMedian.Lower, expectedMedian.Upper, expectedMedian.P),
            (quantiles[0].Bootstrap.Interval.Lower, quantiles[0].Bootstrap.Interval.Upper, quantiles[0].Bootstrap.P));
        Assert.Equal(new BootstrapSettings(2000, 20261129, 0.05), quantiles[1].Bootstrap.Settings);

        // The mean's paired t, reported beside: differences −45 (85 times) and +255 (15 times) sum to 0, so t = 0 and p = 1.
        var mean = latency.Mean!;
        Assert.Equal(ComparisonTest.PairedT, mean.Test);
        Assert.Equal(0, mean.AbsoluteDelta!.Value, 9);
        Assert.Equal(1, mean.P!.Value, 9);
        Assert.Equal(Significance.None, mean.Significance);

        Assert.Equal(VerdictCall.Loser, verdict.Call);
        var breach = Assert.Single(verdict.BreachedGuards);
        Assert.Equal((Latency, "maxAbsoluteDegradation", 100.0), (breach.Metric, breach.Limit, breach.LimitValue));
        Assert.Equal(255, breach.Observed, 9);
    }

    [Fact]
    public void Without_stored_bootstrap_settings_the_same_guard_is_judged_on_its_unmoved_mean_and_the_treatment_wins()
    {
        var verdict = Assert.Single(VerdictDecider.Evaluate(LatencyGuarded() with { Bootstrap = null }).Treatments);

        var latency = Metric(verdict, Latency);
        Assert.Equal((ComparisonTest.PairedT, (IReadOnlyList<QuantileComparison>?)null), (latency.Test, latency.Quantiles));
        Assert.Equal(VerdictCall.Winner, verdict.Call);
    }

    [Fact]
    public void A_latency_primary_whose_tail_shrinks_by_more_than_its_minimum_effect_is_a_winner()
    {
        // The arms swapped: p95 399.05 → 144.05, a relative change of −255 / 399.05 = −63.9 %, beyond the 30 % asked for.
        var design = Design([Primary(Latency, 0.3, EffectScale.Relative)]);
        var input = Input(design, new Values(Latency, Treatment, Baseline));
        input = input with
        {
            PerVariant = [.. input.PerVariant.Select(a => a with { Values = Distribution(a.Variant == "control" ? Treatment : Baseline) })],
            Bootstrap = VerdictSettings.Bootstrap(design.Alpha),
        };
        var expected = ReferenceBootstrap.Difference(Treatment, Baseline, 0.95, 2000, BootstrapSettings.DefaultSeed, 0.05);

        var verdict = Assert.Single(VerdictDecider.Evaluate(input).Treatments);

        var latency = Metric(verdict, Latency);
        Assert.Equal(-255 / 399.05, latency.RelativeDelta!.Value, 9);
        Assert.Equal((expected.Lower, expected.Upper), (latency.AbsoluteInterval!.Lower, latency.AbsoluteInterval.Upper));
        Assert.Equal(expected.P, latency.AdjustedP); // one primary: Holm leaves it
        Assert.Equal((Significance.Better, true), (latency.Significance, latency.MeetsMinimumEffect));
        Assert.Equal(VerdictCall.Winner, verdict.Call);
    }

    [Fact]
    public void Side_effects_and_non_skewed_metrics_are_compared_exactly_as_without_distributions()
    {
        var plain = Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1, SleepGroup2), new Values(Latency, Baseline, Treatment),
            new Values("tokens.in", SleepGroup1, SleepGroup2)) with { SideEffectMetrics = [Latency, "tokens.in"] };
        var withDistributions = WithDistributions(plain, Latency);

        var before = Assert.Single(VerdictDecider.Evaluate(plain).Treatments);
        var after = Assert.Single(VerdictDecider.Evaluate(withDistributions).Treatments);

        Assert.Equal(before.Metrics, after.Metrics);
        Assert.Equal(ComparisonTest.PairedT, Metric(after, Latency).Test);
        Assert.Equal(before.Call, after.Call);
    }

    [Fact]
    public void Above_the_bootstrap_limit_a_guard_is_judged_on_its_mean_and_says_so()
    {
        var input = LatencyGuarded();
        List<WeightedValue> large = [new(10, 10_001), new(20, 10_000)];
        input = input with { PerVariant = [.. input.PerVariant.Select(a => a.Metric == Latency ? a with { Values = large } : a)] };

        var latency = Metric(Assert.Single(VerdictDecider.Evaluate(input).Treatments), Latency);

        Assert.Equal(ComparisonTest.PairedT, latency.Test);
        Assert.Equal("judged on the mean: more than 20000 values per arm (got 20001) for a quantile bootstrap.", latency.Note);
    }

    [Fact]
    public void A_verdict_read_back_from_json_recomputes_exactly_and_a_moved_value_count_is_named()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = VerdictDecider.Decide("vrd-1", LatencyGuarded(), "test");

        var read = JsonSerializer.Deserialize<VerdictRecorded>(JsonSerializer.Serialize(stored, web), web)!;

        Assert.Equal(100, read.Input.PerVariant.Single(a => a.Metric == Latency && a.Variant == "treat").Values!.Count);
        Assert.Empty(VerdictDifferences.Between(stored.Result, VerdictDecider.Evaluate(read.Input)));
        // One treatment run moves from 399 ms to 399.5 ms: the p95 becomes 399.5 + 0.05·(400 − 399.5) = 399.525.
        var moved = read.Input with
        {
            PerVariant = [.. read.Input.PerVariant.Select(a => a.Metric == Latency && a.Variant == "treat"
                ? a with { Values = [.. a.Values!.Where(v => v.Value != 399), new WeightedValue(399.5, 1)] }
                : a)],
        };
        var differences = VerdictDifferences.Between(stored.Result, VerdictDecider.Evaluate(moved));
        Assert.Contains("$.treatments[0].metrics[1].treatmentValue: stored 399.05, recomputed 399.525", differences);
    }
}
