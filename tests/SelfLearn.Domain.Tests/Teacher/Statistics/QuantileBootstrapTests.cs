using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class QuantileBootstrapTests
{
    private static readonly IReadOnlyList<WeightedValue> Baseline =
        [new(95, 3), new(110, 9), new(120, 14), new(135, 11), new(150, 6), new(180, 3), new(240, 2), new(420, 1), new(900, 1)];

    private static readonly IReadOnlyList<WeightedValue> Treatment =
        [new(90, 4), new(100, 12), new(112, 15), new(125, 9), new(140, 5), new(170, 2), new(210, 2), new(600, 1)];

    // Pinned from the first run of this code (50 skewed latencies per arm, p95, seed 20261129, 2000 resamples): a
    // recompute must reproduce it bit for bit. A change here is a change of StatisticsVersion. By hand: the baseline's
    // p95 sits at position 49·0.95 = 46.55 of its sorted values, inside the 240 ms group (ranks 46–47), so it is 240;
    // the treatment's at 46.55 lies between 170 (rank 46) and 210 (rank 47): 170 + 0.55·40 = 192.
    [Fact]
    public void The_seeded_p95_difference_is_pinned()
    {
        var result = QuantileBootstrap.Difference(Baseline, Treatment, 0.95);

        Assert.Equal(240, result.BaselineValue);
        Assert.Equal(192, result.TreatmentValue, 9);
        Assert.Equal(-48, result.Difference, 9);
        Assert.Equal(new ConfidenceInterval(-513.9999999999986, 226.9499999999963, 0.95), result.Interval);
        Assert.Equal(0.36081959020489757, result.P);
        Assert.Equal(new BootstrapSettings(2000, 20261129, 0.05), result.Settings);
    }

    [Fact]
    public void The_seeded_p95_interval_is_pinned()
    {
        var result = QuantileBootstrap.Interval(Baseline, 0.95);

        Assert.Equal(new BootstrapInterval(240, new ConfidenceInterval(150, 683.9999999999986, 0.95), new BootstrapSettings()), result);
    }

    [Fact]
    public void Order_and_grouping_of_the_aggregates_do_not_change_the_result()
    {
        var regrouped = Baseline.Reverse().SelectMany(v => Enumerable.Repeat(new WeightedValue(v.Value, 1), (int)v.Count)).ToList();

        Assert.Equal(QuantileBootstrap.Difference(Baseline, Treatment, 0.5), QuantileBootstrap.Difference(regrouped, Treatment, 0.5));
    }

    [Fact]
    public void Another_seed_draws_other_resamples()
    {
        var first = QuantileBootstrap.Interval(Baseline, 0.95);
        var second = QuantileBootstrap.Interval(Baseline, 0.95, new BootstrapSettings(Seed: 7));

        Assert.Equal(first.Estimate, second.Estimate);
        Assert.NotEqual(first.Interval, second.Interval);
    }

    // A treatment slower than every baseline value makes every replicate difference positive, so the p-value is its
    // floor 2·(0 + 1)/(B + 1) and the estimate is the exact shift of the quantile.
    [Fact]
    public void A_treatment_slower_everywhere_has_the_smallest_p_the_resamples_allow()
    {
        var slower = Baseline.Select(v => v with { Value = v.Value + 1000 }).ToList();
        var result = QuantileBootstrap.Difference(Baseline, slower, 0.5, new BootstrapSettings(Resamples: 999));

        Assert.Equal(1000, result.Difference);
        Assert.Equal(2.0 / 1000, result.P, 15);
        Assert.True(result.Interval.Lower > 0);
    }

    [Fact]
    public void Identical_arms_have_a_zero_difference_inside_the_interval()
    {
        var result = QuantileBootstrap.Difference(Baseline, Baseline, 0.5);

        Assert.Equal(0, result.Difference);
        Assert.True(result.Interval.Contains(0));
    }

    [Fact]
    public void A_value_with_no_count_is_refused() =>
        Assert.Equal("treatment: every value needs a positive count (got 0).",
            Assert.Throws<ArgumentException>(() => QuantileBootstrap.Difference(Baseline, [new(1, 0), new(2, 5)], 0.5)).Message);

    [Fact]
    public void A_single_value_is_refused() =>
        Assert.Equal("sample: at least 2 values are needed for a bootstrap (got 1).",
            Assert.Throws<ArgumentException>(() => QuantileBootstrap.Interval([new(1, 1)], 0.5)).Message);

    [Fact]
    public void Too_few_resamples_are_refused() =>
        Assert.Equal("a bootstrap takes between 100 and 100000 resamples (got 10).",
            Assert.Throws<ArgumentException>(() => QuantileBootstrap.Interval(Baseline, 0.5, new BootstrapSettings(Resamples: 10))).Message);

    [Fact]
    public void A_quantile_above_one_is_refused() =>
        Assert.Equal("the quantile must lie between 0 and 1 (got 95).",
            Assert.Throws<ArgumentException>(() => QuantileBootstrap.Interval(Baseline, 95)).Message);
}
