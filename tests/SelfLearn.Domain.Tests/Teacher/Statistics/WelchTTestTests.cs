using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class WelchTTestTests
{
    // R documentation, datasets::sleep / t.test example: t.test(extra ~ group, data = sleep) (Welch) prints
    // t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent CI -3.3654832 0.2054832 (group 1 − group 2; signs flip
    // here because the difference is treatment − baseline). Asserted to the digits R prints.
    [Fact]
    public void Reproduces_the_published_welch_analysis_of_the_sleep_data()
    {
        var result = WelchTTest.Run(SampleMoments.FromValues(SleepData.Drug1), SampleMoments.FromValues(SleepData.Drug2));

        Assert.Equal(0.75, result.BaselineMean, 12);
        Assert.Equal(2.33, result.TreatmentMean, 12);
        Assert.Equal(1.58, result.Difference, 12);
        Assert.Equal(1.8608, result.T!.Value, 4);
        Assert.Equal(17.776, result.DegreesOfFreedom, 3);
        Assert.Equal(0.07939, result.P, 5);
        Assert.Equal(-0.2054832, result.Interval.Lower, 7);
        Assert.Equal(3.3654832, result.Interval.Upper, 7);
        Assert.Null(result.UnpairedStandardError);
    }

    // Published summaries work as well as raw values: n = 10, means 0.75 and 2.33, variances 3.200556 and 4.009
    // (R: var(sleep$extra[1:10]), var(sleep$extra[11:20])).
    [Fact]
    public void Works_from_a_summary_of_count_mean_and_variance()
    {
        var result = WelchTTest.Run(SampleMoments.FromSummary(10, 0.75, 3.2005556), SampleMoments.FromSummary(10, 2.33, 4.009));

        Assert.Equal(1.8608, result.T!.Value, 4);
        Assert.Equal(17.776, result.DegreesOfFreedom, 3);
    }

    [Fact]
    public void Sums_of_squares_below_sum_squared_over_count_are_refused()
    {
        // Three values summing to 30 have a sum of squares of at least 30²/3 = 300.
        var error = Assert.Throws<ArgumentException>(() =>
            WelchTTest.Run(new SampleMoments(3, 30, 250), SampleMoments.FromValues(SleepData.Drug2)));
        Assert.Equal("baseline: the sum of squares (250) is smaller than sum²/count (300), so these sums cannot come from real values.", error.Message);
    }

    [Fact]
    public void A_treatment_with_one_value_is_refused() =>
        Assert.Equal("treatment: at least 2 values are needed to estimate a variance (count is 1).",
            Assert.Throws<ArgumentException>(() => WelchTTest.Run(SampleMoments.FromValues(SleepData.Drug1), new SampleMoments(1, 2, 4))).Message);

    [Fact]
    public void Rounding_level_spread_of_a_constant_sample_reads_as_zero()
    {
        // 0.1 summed ten times is not exactly 1, so sum²/count and the sum of squares differ in the last bits (by 6e-18).
        var constant = SampleMoments.FromValues(Enumerable.Repeat(0.1, 10));
        var result = WelchTTest.Run(constant, constant);

        Assert.Equal(0, constant.Variance);
        Assert.Equal(1, result.P);
        Assert.Equal(18, result.DegreesOfFreedom);
    }
}
