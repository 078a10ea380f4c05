using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

public sealed record SampleRatioMismatchResult(double ChiSquare, int DegreesOfFreedom, double P, bool IsMismatch);

/// <summary>
/// Sample-ratio-mismatch check: Pearson's χ² goodness of fit of the observed units per variant against the planned
/// split (weights, normalised here), k − 1 degrees of freedom. p below <see cref="Threshold"/> means the assignment is
/// broken and the experiment's verdict is invalid, whatever the metrics say.
/// </summary>
public static class SampleRatioMismatch
{
    public const double Threshold = 0.001;

    public static SampleRatioMismatchResult Test(IReadOnlyList<long> observed, IReadOnlyList<double> plannedWeights)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(plannedWeights);
        if (observed.Count < 2 || observed.Count != plannedWeights.Count)
            throw new ArgumentException(
                $"a sample-ratio check needs one planned weight per variant and at least two variants (got {observed.Count} counts and {plannedWeights.Count} weights).");
        foreach (var weight in plannedWeights)
            RequirePositive("a planned weight", weight);
        if (observed.Any(count => count < 0))
            throw new ArgumentException("observed counts cannot be negative.");
        var total = observed.Sum(count => (double)count);
        if (total == 0)
            throw new ArgumentException("a sample-ratio check needs at least one observed unit.");

        var weightSum = plannedWeights.Sum();
        var chiSquare = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * plannedWeights[i] / weightSum;
            chiSquare += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        var df = observed.Count - 1;
        var p = ChiSquareTail.Upper(df, chiSquare);
        return new SampleRatioMismatchResult(chiSquare, df, p, p < Threshold);
    }
}
