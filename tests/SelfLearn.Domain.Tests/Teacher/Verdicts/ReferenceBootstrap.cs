using MathNet.Numerics.Random;

namespace SelfLearn.Domain.Tests.Teacher.Verdicts;

/// <summary>
/// The quantile bootstrap of a difference as docs/STATISTICS.md describes it, written out on plain sorted arrays: one
/// xoshiro256** seeded with the documented seed; per replicate the baseline's n draws, then the treatment's, each draw
/// the order statistic of rank ⌊u·n⌋; quantiles by linear interpolation at (n − 1)·q; the interval at alpha/2 and
/// 1 − alpha/2 of the sorted replicates; p = min(1, 2·(min(#d* ≤ 0, #d* ≥ 0) + 1) / (B + 1)).
/// </summary>
internal static class ReferenceBootstrap
{
    public static (double Lower, double Upper, double P) Difference(double[] baseline, double[] treatment, double q, int resamples, int seed, double alpha)
    {
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        double[] sortedBaseline = [.. baseline.Order()], sortedTreatment = [.. treatment.Order()];
        var replicates = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var b = Quantile(Resample(random, sortedBaseline), q);
            replicates[r] = Quantile(Resample(random, sortedTreatment), q) - b;
        }
        Array.Sort(replicates);
        var p = Math.Min(1, 2.0 * (Math.Min(replicates.Count(d => d <= 0), replicates.Count(d => d >= 0)) + 1) / (resamples + 1));
        return (Quantile(replicates, alpha / 2), Quantile(replicates, 1 - alpha / 2), p);
    }

    public static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        return lower + 1 < sorted.Length ? sorted[lower] + (position - lower) * (sorted[lower + 1] - sorted[lower]) : sorted[lower];
    }

    private static double[] Resample(Random random, double[] sorted)
    {
        var drawn = new double[sorted.Length];
        for (var i = 0; i < drawn.Length; i++)
            drawn[i] = sorted[Math.Min(sorted.Length - 1, (int)(random.NextDouble() * sorted.Length))];
        Array.Sort(drawn);
        return drawn;
    }
}
