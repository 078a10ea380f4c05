using MathNet.Numerics.Random;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class AaMcNemarFalsePositiveRateTests
{
    private const int Comparisons = 200;

    // A/A honesty check for binary outcomes (AaFalsePositiveRateTests covers the t-tests): one variant's 400 per-example
    // abstentions (rate 0.28, as the built-in library's answers have) are shuffled with a seed and split into two arms of
    // 200 paired by position, 200 times. McNemar must reject at a rate within alpha ± 2·√(alpha(1 − alpha)/200):
    // 4 to 16 of 200 at alpha 0.05, 0 to 4 at alpha 0.01.
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.01)]
    public void Mcnemar_rejects_true_nulls_at_the_nominal_rate(double alpha)
    {
        var random = new Xoshiro256StarStar(20261130, threadSafe: false);
        var outcomes = Enumerable.Range(0, 400).Select(i => i < 112).ToArray();
        var rejections = 0;
        for (var comparison = 0; comparison < Comparisons; comparison++)
        {
            var shuffled = outcomes.OrderBy(_ => random.NextDouble()).ToArray();
            var pairs = shuffled[..200].Zip(shuffled[200..]).ToList();
            var counts = new PairedBinaryCounts(pairs.Count, pairs.Count(p => p.First && p.Second), pairs.Count(p => p.First && !p.Second),
                pairs.Count(p => !p.First && p.Second));
            if (McNemarTest.Run(counts, alpha).Test.P < alpha)
                rejections++;
        }

        var band = 2 * Math.Sqrt(alpha * (1 - alpha) / Comparisons);
        Assert.InRange((double)rejections / Comparisons, alpha - band, alpha + band);
    }
}
