using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class McNemarTestTests
{
    // Armitage & Berry, Statistical Methods in Medical Research (3rd ed., 1994, p. 127), as worked in the StatsDirect
    // manual: 50 sputum specimens on media A (baseline) and B (treatment); both grew 20, only A 12, only B 2.
    // Published: Yates-corrected χ² = 5.785714 (P = 0.0162), exact two-sided P = 0.0129.
    // b + c = 14 < 25, so the exact binomial applies: 2·(C(14,0) + C(14,1) + C(14,2)) / 2¹⁴ = 212/16384.
    [Fact]
    public void Few_discordant_pairs_use_the_exact_binomial_p()
    {
        var result = McNemarTest.Run(new PairedBinaryCounts(50, 20, 12, 2));

        Assert.Equal(McNemarMethod.ExactBinomial, result.Method);
        Assert.Equal(212.0 / 16384, result.Test.P, 12);
        Assert.Equal(0.0129, result.Test.P, 4);
        Assert.Equal(5.785714, result.Test.Statistic, 6);
        Assert.Equal(0.64, result.Test.BaselineRate, 12);
        Assert.Equal(0.44, result.Test.TreatmentRate, 12);
        Assert.Equal(-0.2, result.Test.Difference, 12);
    }

    // Agresti, An Introduction to Categorical Data Analysis (2nd ed., Table 8.1): 1600 people rated the Prime Minister
    // twice; approve both times 794, first only 150, second only 86, neither 570. Published: z = 4.17 (uncorrected),
    // difference of approval rates 0.59 − 0.55 = 0.04 with standard error 0.0095 and 95% CI (0.02, 0.06).
    // First survey = baseline, so the difference here is −0.04. b + c = 236 ≥ 25, so p comes from the corrected
    // χ² = (|150 − 86| − 1)² / 236 = 3969/236 = 16.81780 with 1 df: p = erfc(√(16.8178/2)) = 4.11456e-5.
    [Fact]
    public void Many_discordant_pairs_use_the_continuity_corrected_chi_square()
    {
        var result = McNemarTest.Run(new PairedBinaryCounts(1600, 794, 150, 86));

        Assert.Equal(McNemarMethod.ChiSquareContinuityCorrected, result.Method);
        Assert.Equal(3969.0 / 236, result.Test.Statistic, 12);
        Assert.Equal(4.11456e-5, result.Test.P, 1e-10);
        Assert.Equal(-0.04, result.Test.Difference, 12);
        Assert.Equal(0.0095, result.Test.StandardError, 4);
        Assert.Equal(-0.06, result.Test.Interval.Lower, 2);
        Assert.Equal(-0.02, result.Test.Interval.Upper, 2);
    }

    [Theory]
    [InlineData(12, 12, McNemarMethod.ExactBinomial)]
    [InlineData(13, 12, McNemarMethod.ChiSquareContinuityCorrected)]
    public void The_exact_test_stops_at_25_discordant_pairs(long b, long c, McNemarMethod expected) =>
        Assert.Equal(expected, McNemarTest.Run(new PairedBinaryCounts(100, 10, b, c)).Method);

    [Fact]
    public void No_discordant_pair_is_no_difference()
    {
        var result = McNemarTest.Run(new PairedBinaryCounts(30, 10, 0, 0));

        Assert.Equal(1, result.Test.P);
        Assert.Equal(0, result.Test.Statistic);
        Assert.Equal(0, result.Test.Difference);
    }

    [Fact]
    public void More_counted_pairs_than_pairs_is_refused() =>
        Assert.Equal("the counted pairs (5 + 4 + 3) cannot outnumber all pairs (10).",
            Assert.Throws<ArgumentException>(() => McNemarTest.Run(new PairedBinaryCounts(10, 5, 4, 3))).Message);
}
