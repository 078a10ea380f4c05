using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class RelativeDeltaCoverageTests
{
    // The delta-method standard error should match the actual spread of the relative delta over repeated experiments.
    // 2000 seeded paired experiments of 400 examples, baseline ~ N(10, 2²), treatment = 1.05·baseline-correlated
    // (ρ = 0.8) with SD 2.2: the standard deviation of the 2000 estimates is their true standard error; its Monte Carlo
    // error is about 1/√(2·2000) = 1.6%, so the mean delta-method SE must agree within 5%.
    [Fact]
    public void Paired_delta_method_error_matches_the_spread_of_repeated_experiments()
    {
        var random = new Xoshiro256StarStar(20261129, threadSafe: false);
        const int experiments = 2000, examples = 400;
        const double rho = 0.8;
        var estimates = new double[experiments];
        var standardErrors = new double[experiments];
        for (var e = 0; e < experiments; e++)
        {
            var pairs = new (double, double)[examples];
            for (var i = 0; i < examples; i++)
            {
                var z1 = Normal.Sample(random, 0, 1);
                var z2 = rho * z1 + Math.Sqrt(1 - rho * rho) * Normal.Sample(random, 0, 1);
                pairs[i] = (10 + 2 * z1, 10.5 + 2.2 * z2);
            }
            var result = RelativeDelta.Paired(PairedMoments.FromPairs(pairs))!;
            estimates[e] = result.Estimate;
            standardErrors[e] = result.StandardError;
        }

        var empirical = MathNet.Numerics.Statistics.Statistics.StandardDeviation(estimates);
        Assert.Equal(1, standardErrors.Average() / empirical, 0.05);
    }
}
