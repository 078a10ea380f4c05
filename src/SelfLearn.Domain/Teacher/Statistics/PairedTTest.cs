using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Paired t-test on per-example differences (treatment − baseline): mean difference, its standard error s_d/√n,
/// n − 1 degrees of freedom, two-sided p and a 1 − alpha interval. Also reports √(s_B²/n + s_T²/n), the standard error
/// an unpaired (Welch) analysis of the same examples would have had.
/// </summary>
public static class PairedTTest
{
    public static MeanDifferenceTest Run(PairedMoments moments, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(moments);
        RequireAlpha(alpha);
        moments.Validated();
        var n = moments.Count;
        var difference = moments.Difference;
        var standardError = Math.Sqrt(difference.Variance / n);
        var unpaired = Math.Sqrt(moments.Baseline.Variance / n + moments.Treatment.Variance / n);
        var (t, p, interval) = StudentTInference.Infer(difference.Mean, standardError, n - 1, alpha);
        return new MeanDifferenceTest(moments.Baseline.Mean, moments.Treatment.Mean, difference.Mean, standardError,
            t, n - 1, p, interval, unpaired);
    }
}
