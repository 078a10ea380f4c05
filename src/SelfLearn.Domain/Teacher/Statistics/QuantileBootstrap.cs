using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>How a bootstrap runs; stored with its result so that a recompute replays the same draws.</summary>
public sealed record BootstrapSettings(int Resamples = 2000, int Seed = BootstrapSettings.DefaultSeed, double Alpha = 0.05)
{
    public const int DefaultSeed = 20261129;
}

public sealed record BootstrapInterval(double Estimate, ConfidenceInterval Interval, BootstrapSettings Settings);

/// <summary><c>P</c> is two-sided: min(1, 2·min(#(d* ≤ 0) + 1, #(d* ≥ 0) + 1) / (B + 1)) over the B replicates d*.</summary>
public sealed record BootstrapDifference(
    double BaselineValue,
    double TreatmentValue,
    double Difference,
    ConfidenceInterval Interval,
    double P,
    BootstrapSettings Settings);

/// <summary>
/// Seeded percentile bootstrap of a quantile (e.g. latency p95 or median), for skewed metrics where a t interval on
/// the mean says little. Resamples draw with replacement from the whole sample (each arm on its own, so a paired
/// design is treated as unpaired here, which is conservative). The interval is the alpha/2 and 1 − alpha/2 quantiles of
/// the replicates. The random source is MathNet's xoshiro256** seeded with <see cref="BootstrapSettings.Seed"/>, so
/// the same aggregates and settings give the same numbers. Cost: Resamples × sample size draws.
/// </summary>
public static class QuantileBootstrap
{
    public static BootstrapInterval Interval(IReadOnlyList<WeightedValue> values, double quantile, BootstrapSettings? settings = null)
    {
        settings = Validate(settings, quantile);
        var sample = WeightedSample.From(values, "sample");
        var random = new Xoshiro256StarStar(settings.Seed, threadSafe: false);
        var counts = new long[sample.DistinctValues];
        var replicates = new double[settings.Resamples];
        for (var r = 0; r < replicates.Length; r++)
            replicates[r] = sample.ResampleQuantile(random, counts, quantile);
        return new BootstrapInterval(sample.Quantile(quantile), PercentileInterval(replicates, settings.Alpha), settings);
    }

    public static BootstrapDifference Difference(IReadOnlyList<WeightedValue> baseline, IReadOnlyList<WeightedValue> treatment,
        double quantile, BootstrapSettings? settings = null)
    {
        settings = Validate(settings, quantile);
        var baselineSample = WeightedSample.From(baseline, "baseline");
        var treatmentSample = WeightedSample.From(treatment, "treatment");
        var random = new Xoshiro256StarStar(settings.Seed, threadSafe: false);
        var baselineCounts = new long[baselineSample.DistinctValues];
        var treatmentCounts = new long[treatmentSample.DistinctValues];
        var replicates = new double[settings.Resamples];
        for (var r = 0; r < replicates.Length; r++)
        {
            var b = baselineSample.ResampleQuantile(random, baselineCounts, quantile);
            replicates[r] = treatmentSample.ResampleQuantile(random, treatmentCounts, quantile) - b;
        }

        var atOrBelowZero = replicates.Count(d => d <= 0);
        var atOrAboveZero = replicates.Count(d => d >= 0);
        var p = Math.Min(1, 2.0 * (Math.Min(atOrBelowZero, atOrAboveZero) + 1) / (replicates.Length + 1));
        var baselineValue = baselineSample.Quantile(quantile);
        var treatmentValue = treatmentSample.Quantile(quantile);
        return new BootstrapDifference(baselineValue, treatmentValue, treatmentValue - baselineValue,
            PercentileInterval(replicates, settings.Alpha), p, settings);
    }

    private static BootstrapSettings Validate(BootstrapSettings? settings, double quantile)
    {
        settings ??= new BootstrapSettings();
        RequireAlpha(settings.Alpha);
        if (settings.Resamples is < 100 or > 100_000)
            throw new ArgumentException($"a bootstrap takes between 100 and 100000 resamples (got {settings.Resamples}).");
        if (!(quantile >= 0 && quantile <= 1))
            throw new ArgumentException($"the quantile must lie between 0 and 1 (got {Format(quantile)}).");
        return settings;
    }

    private static ConfidenceInterval PercentileInterval(double[] replicates, double alpha)
    {
        Array.Sort(replicates);
        return new ConfidenceInterval(
            SortedArrayStatistics.QuantileCustom(replicates, alpha / 2, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(replicates, 1 - alpha / 2, QuantileDefinition.R7),
            1 - alpha);
    }
}
