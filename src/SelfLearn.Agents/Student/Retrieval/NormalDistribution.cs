namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>Standard normal CDF without a maths package: Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7.</summary>
internal static class NormalDistribution
{
    public static double Cdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    public static double Erf(double x)
    {
        const double p = 0.3275911;
        const double a1 = 0.254829592, a2 = -0.284496736, a3 = 1.421413741, a4 = -1.453152027, a5 = 1.061405429;
        var magnitude = Math.Abs(x);
        var t = 1 / (1 + (p * magnitude));
        var polynomial = t * (a1 + (t * (a2 + (t * (a3 + (t * (a4 + (t * a5))))))));
        var erf = 1 - (polynomial * Math.Exp(-magnitude * magnitude));
        return x < 0 ? -erf : erf;
    }
}
