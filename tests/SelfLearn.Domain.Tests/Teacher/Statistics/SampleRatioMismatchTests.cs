using MathNet.Numerics.Distributions;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class SampleRatioMismatchTests
{
    // Kohavi, Tang & Xu, Trustworthy Online Controlled Experiments (2020), ch. 3: a 50/50 design with 821,588 users in
    // control and 815,482 in treatment has p = 1.8E-6, a sample ratio mismatch. By hand: expected 818,535 each,
    // χ² = 2·3053²/818535 = 22.774369, 1 df.
    [Fact]
    public void Flags_the_published_mismatch()
    {
        var result = SampleRatioMismatch.Test([821588, 815482], [0.5, 0.5]);

        Assert.Equal(22.774369, result.ChiSquare, 6);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(1.8e-6, result.P, 1e-7);
        Assert.Equal(1 - ChiSquared.CDF(1, result.ChiSquare), result.P, 1e-12);
        Assert.True(result.IsMismatch);
    }

    // Planned 2:1:1, observed 500/260/240: expected 500/250/250, χ² = 0 + 0.4 + 0.4 = 0.8 with 2 df, whose upper
    // tail is exactly e^(−0.8/2) = 0.670320.
    [Fact]
    public void Weights_are_normalised_and_a_three_way_split_has_two_degrees_of_freedom()
    {
        var result = SampleRatioMismatch.Test([500, 260, 240], [2, 1, 1]);

        Assert.Equal(0.8, result.ChiSquare, 12);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-0.4), result.P, 12);
        Assert.False(result.IsMismatch);
    }

    [Fact]
    public void The_threshold_is_one_in_a_thousand() => Assert.Equal(0.001, SampleRatioMismatch.Threshold);

    [Fact]
    public void Counts_and_weights_of_different_lengths_are_refused() =>
        Assert.Equal("a sample-ratio check needs one planned weight per variant and at least two variants (got 2 counts and 3 weights).",
            Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Test([10, 10], [1, 1, 1])).Message);

    [Fact]
    public void A_zero_weight_is_refused() =>
        Assert.Equal("a planned weight must be a positive finite number (got 0).",
            Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Test([10, 10], [1, 0])).Message);

    [Fact]
    public void No_units_at_all_is_refused() =>
        Assert.Equal("a sample-ratio check needs at least one observed unit.",
            Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Test([0, 0], [1, 1])).Message);
}
