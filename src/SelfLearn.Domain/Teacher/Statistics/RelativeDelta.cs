using MathNet.Numerics.Distributions;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>Treatment / baseline − 1 with its delta-method standard error and normal interval.</summary>
public sealed record RelativeDeltaResult(double Estimate, double StandardError, ConfidenceInterval Interval);

/// <summary>
/// The relative delta of means, R − 1 with R = ȳ/x̄ (x baseline, y treatment), and the delta-method variance of a
/// ratio of means (Deng, Knoblich &amp; Lu, "Applying the Delta Method in Metric Analytics", KDD 2018):
/// Var(R) ≈ (Var(ȳ) − 2R·Cov(x̄, ȳ) + R²·Var(x̄)) / x̄². Independent arms have Cov(x̄, ȳ) = 0; paired arms have
/// Cov(x̄, ȳ) = Cov(x, y)/n, which is where pairing narrows the interval. The interval is normal (asymptotic).
/// Undefined (null) when the baseline mean is 0, e.g. an error rate that was 0.
/// </summary>
public static class RelativeDelta
{
    public static RelativeDeltaResult? Unpaired(SampleMoments baseline, SampleMoments treatment, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(treatment);
        RequireAlpha(alpha);
        baseline.Validated("baseline");
        treatment.Validated("treatment");
        return Compute(baseline.Mean, treatment.Mean, baseline.Variance / baseline.Count,
            treatment.Variance / treatment.Count, 0, alpha);
    }

    public static RelativeDeltaResult? Paired(PairedMoments moments, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(moments);
        RequireAlpha(alpha);
        moments.Validated();
        var n = moments.Count;
        return Compute(moments.Baseline.Mean, moments.Treatment.Mean, moments.Baseline.Variance / n,
            moments.Treatment.Variance / n, moments.Covariance / n, alpha);
    }

    private static RelativeDeltaResult? Compute(double baselineMean, double treatmentMean, double baselineMeanVariance,
        double treatmentMeanVariance, double meansCovariance, double alpha)
    {
        if (baselineMean == 0)
            return null;
        var ratio = treatmentMean / baselineMean;
        var variance = (treatmentMeanVariance - 2 * ratio * meansCovariance + ratio * ratio * baselineMeanVariance)
                       / (baselineMean * baselineMean);
        var standardError = Math.Sqrt(Math.Max(0, variance));
        var critical = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var estimate = ratio - 1;
        return new RelativeDeltaResult(estimate, standardError,
            new ConfidenceInterval(estimate - critical * standardError, estimate + critical * standardError, 1 - alpha));
    }
}
