using System.Text.Json.Serialization;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Sufficient statistics of one sample (one variant × segment × metric): what the SQL aggregates store and what every
/// mean-based test here reads, so a verdict can be recomputed from stored aggregates alone.
/// </summary>
public sealed record SampleMoments(long Count, double Sum, double SumOfSquares)
{
    [JsonIgnore] public double Mean => Sum / Count;

    /// <summary>
    /// Unbiased sample variance (divisor n − 1). A second moment within summation rounding of zero reads as 0, so a
    /// constant sample has no spread rather than a spurious tiny one.
    /// </summary>
    [JsonIgnore] public double Variance => SecondMoment <= RoundingNoise ? 0 : SecondMoment / (Count - 1);

    [JsonIgnore] public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Σ(x − mean)², from the sums.</summary>
    [JsonIgnore] public double SecondMoment => SumOfSquares - Sum * Sum / Count;

    /// <summary>How far rounding in n summed squares can move the second moment (a few ulps per term).</summary>
    [JsonIgnore] public double RoundingNoise => 4 * Count * MachineEpsilon * Math.Abs(SumOfSquares);

    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The moments of a sample known by its size, mean and unbiased variance (a pilot or a published summary).</summary>
    public static SampleMoments FromSummary(long count, double mean, double variance) =>
        new(count, count * mean, (count - 1) * variance + count * mean * mean);

    public static SampleMoments FromValues(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long count = 0;
        double sum = 0, sumOfSquares = 0;
        foreach (var value in values)
        {
            count++;
            sum += value;
            sumOfSquares += value * value;
        }
        return new SampleMoments(count, sum, sumOfSquares);
    }

    /// <summary>Throws when these sums cannot describe at least two real values; <paramref name="label"/> names the sample.</summary>
    public SampleMoments Validated(string label)
    {
        if (Count < 2)
            throw new ArgumentException($"{label}: at least 2 values are needed to estimate a variance (count is {Count}).");
        if (!double.IsFinite(Sum) || !double.IsFinite(SumOfSquares))
            throw new ArgumentException($"{label}: the sum and the sum of squares must be finite numbers.");
        if (SumOfSquares < 0 || SecondMoment < -Math.Max(RoundingNoise, 1e-9 * Math.Max(1, SumOfSquares)))
            throw new ArgumentException(
                $"{label}: the sum of squares ({Format(SumOfSquares)}) is smaller than sum²/count ({Format(Sum * Sum / Count)}), so these sums cannot come from real values.");
        return this;
    }
}
