using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class TwoProportionZTestTests
{
    // Physicians' Health Study as worked in Agresti, Categorical Data Analysis (2nd ed., Table 2.3, section 2.2):
    // myocardial infarction in 189 of 11,034 on placebo (baseline) and 104 of 11,037 on aspirin (treatment).
    // Agresti: difference 0.0077, 95% CI (0.005, 0.011) for placebo − aspirin, and Pearson X² = 25.01 (= z²).
    // By hand: pooled p = 293/22071 = 0.0132753, pooled SE = √(p(1 − p)(1/11034 + 1/11037)) = 0.00154078,
    // z = (104/11037 − 189/11034) / 0.00154078 = −5.00139; unpooled SE = 0.00153996; p = 2Φ(−5.00139) = 5.6919e-7.
    [Fact]
    public void Reproduces_the_aspirin_example()
    {
        var result = TwoProportionZTest.Run(new ProportionCounts(189, 11034), new ProportionCounts(104, 11037));

        Assert.Equal(189.0 / 11034, result.BaselineRate, 15);
        Assert.Equal(-0.0077060, result.Difference, 7);
        Assert.Equal(-5.00139, result.Statistic, 5);
        Assert.Equal(25.01, result.Statistic * result.Statistic, 2);
        Assert.Equal(5.6919e-7, result.P, 1e-10);
        Assert.Equal(0.00153996, result.StandardError, 8);
        Assert.Equal(-0.011, result.Interval.Lower, 3);
        Assert.Equal(-0.005, result.Interval.Upper, 3);
    }

    [Fact]
    public void Both_arms_all_zero_is_no_difference()
    {
        var result = TwoProportionZTest.Run(new ProportionCounts(0, 40), new ProportionCounts(0, 50));

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.P);
    }

    [Fact]
    public void More_successes_than_trials_is_refused() =>
        Assert.Equal("treatment: successes must lie between 0 and the number of trials (10); got 11.",
            Assert.Throws<ArgumentException>(() => TwoProportionZTest.Run(new ProportionCounts(1, 10), new ProportionCounts(11, 10))).Message);

    [Fact]
    public void An_arm_without_trials_is_refused() =>
        Assert.Equal("baseline: at least 1 trial is needed (trials is 0).",
            Assert.Throws<ArgumentException>(() => TwoProportionZTest.Run(new ProportionCounts(0, 0), new ProportionCounts(1, 10))).Message);
}
