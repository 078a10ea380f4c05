using MathNet.Numerics.Distributions;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Two-proportion z-test for independent arms (online, unpaired binary metrics). The test uses the pooled standard
/// error √(p̂(1 − p̂)(1/n_B + 1/n_T)), which is right under "no difference"; the interval uses the unpooled (Wald)
/// standard error √(p_B(1 − p_B)/n_B + p_T(1 − p_T)/n_T), which is the one reported. No continuity correction.
/// </summary>
public static class TwoProportionZTest
{
    public static ProportionDifferenceTest Run(ProportionCounts baseline, ProportionCounts treatment, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(treatment);
        RequireAlpha(alpha);
        baseline.Validated("baseline");
        treatment.Validated("treatment");
        double nb = baseline.Trials, nt = treatment.Trials;
        var difference = treatment.Rate - baseline.Rate;
        var pooled = (double)(baseline.Successes + treatment.Successes) / (nb + nt);
        var pooledError = Math.Sqrt(pooled * (1 - pooled) * (1 / nb + 1 / nt));
        // A pooled rate of 0 or 1 means both arms are all-0 or all-1: no difference and nothing to test.
        var z = pooledError == 0 ? 0 : difference / pooledError;
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        var standardError = Math.Sqrt(baseline.Rate * (1 - baseline.Rate) / nb + treatment.Rate * (1 - treatment.Rate) / nt);
        var critical = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var interval = new ConfidenceInterval(difference - critical * standardError, difference + critical * standardError, 1 - alpha);
        return new ProportionDifferenceTest(baseline.Rate, treatment.Rate, difference, standardError, z, p, interval);
    }
}
