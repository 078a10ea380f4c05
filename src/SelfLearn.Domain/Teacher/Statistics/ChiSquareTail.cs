using MathNet.Numerics;

namespace SelfLearn.Domain.Teacher.Statistics;

internal static class ChiSquareTail
{
    /// <summary>
    /// P(χ²_df ≥ x). Equal to 1 − ChiSquared.CDF(df, x), computed as the upper regularized gamma Q(df/2, x/2) so that
    /// tiny p-values keep their digits instead of rounding to 0.
    /// </summary>
    public static double Upper(double degreesOfFreedom, double x) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2, x / 2);
}
