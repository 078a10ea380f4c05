using SelfLearn.Domain.Teacher.Statistics;
using static SelfLearn.Domain.Teacher.Statistics.PowerDesign;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class PowerAnalysisTests
{
    // R documentation, ?power.t.test examples: power.t.test(n = 20, delta = 1) prints power = 0.8689528
    // (two-sample, sd = 1, sig.level = 0.05, two-sided).
    [Fact]
    public void Reproduces_the_published_two_sample_power() =>
        Assert.Equal(0.8689528, PowerAnalysis.Power(TwoSample, 20, 1, 1), 7);

    // R documentation, ?power.t.test examples: power.t.test(power = .90, delta = 1) prints n = 22.02110 per group,
    // so 23 examples per arm are needed.
    [Fact]
    public void Reproduces_the_published_two_sample_size() =>
        Assert.Equal(23, PowerAnalysis.RequiredSampleSize(TwoSample, 1, 1, power: 0.9));

    // Cohen, Statistical Power Analysis for the Behavioral Sciences (2nd ed., 1988), Table 2.4.1 (a2 = .05,
    // power .80): n per group 64 for d = .50 and 26 for d = .80. The effect and SD scale together (d = Δ/σ).
    [Theory]
    [InlineData(0.5, 1, 64)]
    [InlineData(4, 8, 64)]
    [InlineData(0.8, 1, 26)]
    public void Reproduces_cohens_table_of_sample_sizes(double effect, double sd, long expected) =>
        Assert.Equal(expected, PowerAnalysis.RequiredSampleSize(TwoSample, effect, sd));

    // Paired: Δ = 0.5 with SD of differences 1 (R: power.t.test(delta = .5, power = .8, type = "paired") gives
    // n = 33.37). Exact noncentral-t power computed independently (numerical integration, Simpson, 20k panels):
    // 33 pairs → 0.795365, 34 pairs → 0.807777, so 34 pairs are needed.
    [Fact]
    public void Paired_sample_size_and_power_match_the_noncentral_t()
    {
        Assert.Equal(34, PowerAnalysis.RequiredSampleSize(Paired, 0.5, 1));
        Assert.Equal(0.795365, PowerAnalysis.Power(Paired, 33, 0.5, 1), 6);
        Assert.Equal(0.807777, PowerAnalysis.Power(Paired, 34, 0.5, 1), 6);
    }

    // Independent bisection on the same exact power: 64 per arm detect d = 0.499070 at 80%; 34 pairs detect 0.495029.
    [Fact]
    public void Minimum_detectable_effect_inverts_the_power()
    {
        var twoSample = PowerAnalysis.MinimumDetectableEffect(TwoSample, 64, 2);
        var paired = PowerAnalysis.MinimumDetectableEffect(Paired, 34, 1);

        Assert.Equal(2 * 0.499070, twoSample, 5);
        Assert.Equal(0.495029, paired, 6);
        Assert.Equal(0.8, PowerAnalysis.Power(TwoSample, 64, twoSample, 2), 9);
    }

    // Values with SD 1 whose pairs correlate at 0.8 have differences with SD √(2·(1 − 0.8)) = √0.4. Exact power
    // computed independently for Δ = 0.2: 80 pairs → 0.797838, 81 pairs → 0.802828; two arms need 394 each
    // (R: power.t.test(delta = .2, power = .8) gives n = 393.41).
    [Fact]
    public void Pairing_needs_fewer_examples_when_differences_vary_less_than_values()
    {
        Assert.Equal(81, PowerAnalysis.RequiredSampleSize(Paired, 0.2, Math.Sqrt(0.4)));
        Assert.Equal(394, PowerAnalysis.RequiredSampleSize(TwoSample, 0.2, 1));
    }

    // With ten billion examples per arm the t-test is the z-test: power = Φ(δ − z_{0.975}), δ = Δ/σ·√(n/2),
    // here δ = 2.8 and Φ(2.8 − 1.959964) = Φ(0.840036) = 0.799556 (standard normal table / NormalDist).
    [Fact]
    public void Huge_samples_converge_to_the_normal_power()
    {
        const long n = 10_000_000_000;
        var effect = 2.8 / Math.Sqrt(n / 2.0);

        Assert.Equal(0.799556, PowerAnalysis.Power(TwoSample, n, effect, 1), 6);
    }

    [Fact]
    public void A_zero_minimum_effect_is_refused() =>
        Assert.Equal("the minimum effect must be a nonzero finite number (got 0).",
            Assert.Throws<ArgumentException>(() => PowerAnalysis.RequiredSampleSize(Paired, 0, 1)).Message);

    [Fact]
    public void An_effect_too_small_for_any_sample_is_refused() =>
        Assert.StartsWith("the minimum effect 1E-09 is too small for this standard deviation",
            Assert.Throws<ArgumentException>(() => PowerAnalysis.RequiredSampleSize(TwoSample, 1e-9, 1)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_sample_of_one_is_refused() =>
        Assert.Equal("the sample size must be at least 2 (got 1).",
            Assert.Throws<ArgumentException>(() => PowerAnalysis.Power(Paired, 1, 1, 1)).Message);

    [Fact]
    public void A_non_positive_standard_deviation_is_refused() =>
        Assert.Equal("the standard deviation must be a positive finite number (got -1).",
            Assert.Throws<ArgumentException>(() => PowerAnalysis.MinimumDetectableEffect(Paired, 10, -1)).Message);
}
