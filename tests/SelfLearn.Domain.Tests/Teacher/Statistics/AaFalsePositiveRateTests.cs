using MathNet.Numerics.Random;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class AaFalsePositiveRateTests
{
    private const int Comparisons = 200;
    private const double Alpha = 0.05;

    // A/A honesty check: one variant's per-example outcomes (200 recall-like values in {0, ⅓, ½, ⅔, 1}) are shuffled
    // with a seed and split into two arms of 100, 200 times. With no real difference a test at alpha = 0.05 must reject
    // at a rate within alpha ± 2·√(alpha(1 − alpha)/200) = 0.05 ± 0.0308, i.e. 4 to 16 of the 200 comparisons.
    [Fact]
    public void Paired_and_welch_tests_reject_true_nulls_at_the_nominal_rate()
    {
        var random = new Xoshiro256StarStar(20261129, threadSafe: false);
        var outcomes = OneVariantsOutcomes(random);
        int pairedRejections = 0, welchRejections = 0;
        for (var comparison = 0; comparison < Comparisons; comparison++)
        {
            var shuffled = outcomes.OrderBy(_ => random.NextDouble()).ToArray();
            var armA = shuffled[..100];
            var armB = shuffled[100..];
            if (PairedTTest.Run(PairedMoments.FromPairs(armA.Zip(armB)), Alpha).P < Alpha)
                pairedRejections++;
            if (WelchTTest.Run(SampleMoments.FromValues(armA), SampleMoments.FromValues(armB), Alpha).P < Alpha)
                welchRejections++;
        }

        var band = 2 * Math.Sqrt(Alpha * (1 - Alpha) / Comparisons);
        Assert.InRange((double)pairedRejections / Comparisons, Alpha - band, Alpha + band);
        Assert.InRange((double)welchRejections / Comparisons, Alpha - band, Alpha + band);
    }

    private static double[] OneVariantsOutcomes(Random random)
    {
        double[] levels = [0, 1.0 / 3, 0.5, 2.0 / 3, 1];
        double[] cumulative = [0.15, 0.25, 0.40, 0.55, 1.0];
        return Enumerable.Range(0, 200).Select(_ =>
        {
            var u = random.NextDouble();
            return levels[Array.FindIndex(cumulative, c => u < c)];
        }).ToArray();
    }
}
