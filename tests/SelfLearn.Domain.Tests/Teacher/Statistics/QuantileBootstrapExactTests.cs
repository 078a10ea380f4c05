using MathNet.Numerics.Distributions;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class QuantileBootstrapExactTests
{
    private static readonly double[] Latencies =
        [112, 118, 121, 125, 131, 134, 140, 146, 151, 158, 163, 171, 180, 192, 205, 221, 246, 280, 333, 410, 655];

    // Efron (1979), "Bootstrap methods: another look at the jackknife", Ann. Statist. 7(1), section 3: for n = 2m − 1
    // distinct values the bootstrap median is an order statistic with P(median* ≤ x_(k)) = P(Bin(n, k/n) ≥ m).
    // For n = 21 that is 0.0183 at k = 6, 0.0557 at k = 7, 0.9443 at k = 14 and 0.9817 at k = 15, so the exact 95%
    // percentile interval is [x_(7), x_(15)] = [140, 205]; 10,000 resamples put the Monte Carlo 2.5% point ~5 standard
    // errors away from the nearest step, so the seeded interval must land on exactly these order statistics.
    [Fact]
    public void The_median_interval_lands_on_the_order_statistics_of_the_exact_bootstrap_distribution()
    {
        var n = Latencies.Length;
        double ExactCdf(int k) => 1 - Binomial.CDF((double)k / n, n, (n + 1) / 2 - 1);
        var lower = Enumerable.Range(1, n).First(k => ExactCdf(k) >= 0.025);
        var upper = Enumerable.Range(1, n).First(k => ExactCdf(k) >= 0.975);
        Assert.Equal((7, 15), (lower, upper));

        var result = QuantileBootstrap.Interval(Latencies.Select(v => new WeightedValue(v, 1)).ToList(), 0.5,
            new BootstrapSettings(Resamples: 10_000));

        Assert.Equal(163, result.Estimate);
        Assert.Equal(Latencies[lower - 1], result.Interval.Lower);
        Assert.Equal(Latencies[upper - 1], result.Interval.Upper);
    }

    // PostgreSQL documents percentile_cont as interpolating between adjacent input values: for 1..10, position
    // (10 − 1)·0.95 = 8.55 lies between 9 and 10, so p95 = 9.55; for 1..10 the median is 5.5.
    [Theory]
    [InlineData(0.95, 9.55)]
    [InlineData(0.5, 5.5)]
    [InlineData(0, 1)]
    [InlineData(1, 10)]
    public void The_estimate_is_the_percentile_cont_of_the_sample(double quantile, double expected) =>
        Assert.Equal(expected, QuantileBootstrap.Interval(
            Enumerable.Range(1, 10).Select(v => new WeightedValue(v, 1)).ToList(), quantile, new BootstrapSettings(Resamples: 100)).Estimate, 12);
}
