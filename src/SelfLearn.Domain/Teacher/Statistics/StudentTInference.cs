
namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>Two-sided t inference for an estimate with a standard error and degrees of freedom.</summary>
internal static class StudentTInference
{
    /// <summary>
    /// A zero standard error is a difference with no spread (every pair moved by the same amount): no difference gives
    /// t = 0 and p = 1; any other difference is certain, so t is left empty (it would be infinite) and p = 0.
    /// </summary>
    public static (double? T, double P, ConfidenceInterval Interval) Infer(double estimate, double standardError, double degreesOfFreedom, double alpha)
    {
        if (standardError == 0)
        {
            var point = new ConfidenceInterval(estimate, estimate, 1 - alpha);
            return estimate == 0 ? (0, 1, point) : (null, 0, point);
        }
        var t = estimate / standardError;
        // The lower tail at −|t| keeps precision for tiny p-values, where 1 − CDF(|t|) would round to 0.
        var p = Math.Min(1, 2 * StudentTDistribution.Cdf(degreesOfFreedom, -Math.Abs(t)));
        var critical = StudentTDistribution.InvCdf(degreesOfFreedom, 1 - alpha / 2);
        return (t, p, new ConfidenceInterval(estimate - critical * standardError, estimate + critical * standardError, 1 - alpha));
    }
}
