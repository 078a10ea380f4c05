using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class RelativeDeltaTests
{
    // Delta method for a ratio of means (Deng, Knoblich & Lu, KDD 2018, section 3):
    // Var(ȳ/x̄) ≈ (Var(ȳ) − 2R·Cov(x̄, ȳ) + R²·Var(x̄)) / x̄², R = ȳ/x̄. By hand for independent arms of 100 values:
    // x̄ = 10, s² = 4; ȳ = 11, s² = 9 → R = 1.1, Var(x̄) = 0.04, Var(ȳ) = 0.09,
    // Var = (0.09 + 1.21·0.04)/100 = 0.001384, SE = 0.0372022, 95% interval 0.1 ± 1.959964·0.0372022.
    [Fact]
    public void Independent_arms_follow_the_delta_method_without_covariance()
    {
        var result = RelativeDelta.Unpaired(SampleMoments.FromSummary(100, 10, 4), SampleMoments.FromSummary(100, 11, 9))!;

        Assert.Equal(0.1, result.Estimate, 12);
        Assert.Equal(Math.Sqrt(0.001384), result.StandardError, 12);
        Assert.Equal(0.1 - 1.959964 * 0.0372022, result.Interval.Lower, 6);
        Assert.Equal(0.1 + 1.959964 * 0.0372022, result.Interval.Upper, 6);
    }

    // Paired, 50 examples: x̄ = 0.6, s² = 0.04; ȳ = 0.66, s² = 0.05; Cov(x, y) = 0.03, so Var(y − x) = 0.03.
    // Var(x̄) = 0.0008, Var(ȳ) = 0.001, Cov(x̄, ȳ) = 0.0006 →
    // Var = (0.001 − 2·1.1·0.0006 + 1.21·0.0008)/0.36 = 0.000648/0.36 = 0.0018, SE = 0.0424264.
    // Without the covariance term it would be √(0.001968/0.36) = 0.0739369.
    [Fact]
    public void Paired_arms_include_the_covariance_term()
    {
        var baseline = SampleMoments.FromSummary(50, 0.6, 0.04);
        var treatment = SampleMoments.FromSummary(50, 0.66, 0.05);
        var difference = SampleMoments.FromSummary(50, 0.06, 0.03);
        var moments = new PairedMoments(50, baseline.Sum, baseline.SumOfSquares, treatment.Sum, treatment.SumOfSquares,
            difference.Sum, difference.SumOfSquares);

        var paired = RelativeDelta.Paired(moments)!;
        var unpaired = RelativeDelta.Unpaired(baseline, treatment)!;

        Assert.Equal(0.1, paired.Estimate, 12);
        Assert.Equal(Math.Sqrt(0.0018), paired.StandardError, 9);
        Assert.Equal(Math.Sqrt(0.001968 / 0.36), unpaired.StandardError, 9);
    }

    [Fact]
    public void A_zero_baseline_mean_has_no_relative_delta() =>
        Assert.Null(RelativeDelta.Unpaired(new SampleMoments(10, 0, 0), SampleMoments.FromSummary(10, 0.1, 0.09)));
}
