using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class PairedTTestTests
{
    // R documentation, datasets::sleep / t.test example: t.test(extra ~ group, data = sleep, paired = TRUE) prints
    // t = -4.0621, df = 9, p-value = 0.002833, 95 percent CI -2.4598858 -0.7001142, mean difference -1.58
    // (group 1 − group 2; here treatment − baseline, so the signs flip). Asserted to the digits R prints.
    [Fact]
    public void Reproduces_the_published_paired_analysis_of_the_sleep_data()
    {
        var result = PairedTTest.Run(PairedMoments.FromPairs(SleepData.Pairs));

        Assert.Equal(1.58, result.Difference, 1e-12);
        Assert.Equal(4.0621, result.T!.Value, 4);
        Assert.Equal(9, result.DegreesOfFreedom);
        Assert.Equal(0.002833, result.P, 6);
        Assert.Equal(0.7001142, result.Interval.Lower, 7);
        Assert.Equal(2.4598858, result.Interval.Upper, 7);
        Assert.Equal(0.95, result.Interval.Level, 12);
    }

    // The same data analysed unpaired (R: t.test(extra ~ group, data = sleep), Welch) gives t = -1.8608 for the same
    // difference 1.58, so its standard error is 1.58 / 1.8608 = 0.8491; pairing shrinks it to 1.58 / 4.0621 = 0.3890.
    [Fact]
    public void Reports_the_standard_error_an_unpaired_analysis_would_have_had()
    {
        var result = PairedTTest.Run(PairedMoments.FromPairs(SleepData.Pairs));

        Assert.Equal(1.58 / 4.0621, result.StandardError, 4);
        Assert.Equal(1.58 / 1.8608, result.UnpairedStandardError!.Value, 4);
    }

    [Fact]
    public void Identical_arms_are_no_difference_with_p_one()
    {
        var result = PairedTTest.Run(PairedMoments.FromPairs(SleepData.Drug1.Select(v => (v, v))));

        Assert.Equal(0, result.Difference);
        Assert.Equal(0, result.T);
        Assert.Equal(1, result.P);
    }

    [Fact]
    public void A_constant_nonzero_shift_is_certain_and_has_no_finite_t()
    {
        var result = PairedTTest.Run(PairedMoments.FromPairs(SleepData.Drug1.Select(v => (v, v + 20))));

        Assert.Equal(20, result.Difference, 10);
        Assert.Null(result.T);
        Assert.Equal(0, result.P);
        Assert.Equal(new ConfidenceInterval(result.Difference, result.Difference, 0.95), result.Interval);
    }

    [Fact]
    public void A_single_pair_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PairedTTest.Run(PairedMoments.FromPairs([(1.0, 2.0)])));
        Assert.Equal("baseline: at least 2 values are needed to estimate a variance (count is 1).", error.Message);
    }

    [Fact]
    public void Differences_that_do_not_match_the_arms_are_refused()
    {
        var good = PairedMoments.FromPairs(SleepData.Pairs);
        var error = Assert.Throws<ArgumentException>(() => PairedTTest.Run(good with { DifferenceSum = good.DifferenceSum + 1 }));
        Assert.StartsWith("paired sums disagree: the differences sum to 16.8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_spread_wider_than_the_arms_allow_is_refused()
    {
        // Var(T − B) ≤ (s_B + s_T)²; quadrupling the differences' sum of squares breaks it for these arms.
        var good = PairedMoments.FromPairs(SleepData.Pairs);
        var error = Assert.Throws<ArgumentException>(() => PairedTTest.Run(good with { DifferenceSumOfSquares = good.DifferenceSumOfSquares * 40 }));
        Assert.Contains("|correlation| would exceed 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void Alpha_outside_zero_to_one_is_refused(double alpha) =>
        Assert.StartsWith("alpha must lie strictly between 0 and 1",
            Assert.Throws<ArgumentException>(() => PairedTTest.Run(PairedMoments.FromPairs(SleepData.Pairs), alpha)).Message,
            StringComparison.Ordinal);
}
