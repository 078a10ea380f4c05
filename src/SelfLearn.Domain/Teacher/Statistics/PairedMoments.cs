using System.Text.Json.Serialization;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Sufficient statistics of a paired design: each example played under both variants. Differences are
/// treatment − baseline per example. Holding both arms and the differences lets one record answer the paired test,
/// the standard error an unpaired analysis would have had, and the arms' covariance (for the relative delta).
/// </summary>
public sealed record PairedMoments(
    long Count,
    double BaselineSum,
    double BaselineSumOfSquares,
    double TreatmentSum,
    double TreatmentSumOfSquares,
    double DifferenceSum,
    double DifferenceSumOfSquares)
{
    [JsonIgnore] public SampleMoments Baseline => new(Count, BaselineSum, BaselineSumOfSquares);

    [JsonIgnore] public SampleMoments Treatment => new(Count, TreatmentSum, TreatmentSumOfSquares);

    [JsonIgnore] public SampleMoments Difference => new(Count, DifferenceSum, DifferenceSumOfSquares);

    /// <summary>Sample covariance of the two arms, from Var(T − B) = Var(B) + Var(T) − 2 Cov(B, T).</summary>
    [JsonIgnore] public double Covariance => (Baseline.Variance + Treatment.Variance - Difference.Variance) / 2;

    public static PairedMoments FromPairs(IEnumerable<(double Baseline, double Treatment)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        long count = 0;
        double bs = 0, bss = 0, ts = 0, tss = 0, ds = 0, dss = 0;
        foreach (var (b, t) in pairs)
        {
            var d = t - b;
            count++;
            bs += b; bss += b * b;
            ts += t; tss += t * t;
            ds += d; dss += d * d;
        }
        return new PairedMoments(count, bs, bss, ts, tss, ds, dss);
    }

    /// <summary>Throws when the three sets of sums cannot describe the same real pairs.</summary>
    public PairedMoments Validated()
    {
        Baseline.Validated("baseline");
        Treatment.Validated("treatment");
        Difference.Validated("difference");
        var scale = Math.Abs(BaselineSum) + Math.Abs(TreatmentSum);
        if (Math.Abs(DifferenceSum - (TreatmentSum - BaselineSum)) > 1e-9 * Math.Max(1, scale))
            throw new ArgumentException(
                $"paired sums disagree: the differences sum to {Format(DifferenceSum)} but treatment − baseline sums to {Format(TreatmentSum - BaselineSum)}.");
        var covariance = Covariance;
        var bound = Math.Sqrt(Baseline.Variance * Treatment.Variance);
        if (Math.Abs(covariance) > bound + 1e-9 * Math.Max(1, Baseline.Variance + Treatment.Variance))
            throw new ArgumentException(
                "paired sums disagree: the spread of the differences is impossible for the spreads of the two arms (|correlation| would exceed 1).");
        return this;
    }
}
