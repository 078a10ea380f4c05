using MathNet.Numerics.Distributions;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// The planned sample size of a design, for a two-sided test at <c>alpha</c> with the given power, from the minimum
/// effect <c>mde</c> (absolute) and a standard deviation <c>sd</c>:
/// paired n = ((z(1 − alpha/2) + z(power)) · sd / mde)² examples, sd being that of per-example differences;
/// unpaired n = 2 · ((z(1 − alpha/2) + z(power)) · sd / mde)² units per variant, sd being that of one unit.
/// Each is rounded up. (The normal approximation; the statistics library may refine it with Student's t.)
/// </summary>
public static class SampleSize
{
    /// <summary>More than this per variant is not a plan but a sign that the minimum effect is far below the noise.</summary>
    public const double MaxPerVariant = 1_000_000_000;

    public static double Exact(AnalysisKind analysis, double alpha, double power, double sd, double mde)
    {
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);
        var paired = Math.Pow(z * sd / mde, 2);
        return analysis == AnalysisKind.Paired ? paired : 2 * paired;
    }

    /// <summary>The whole number of examples or units per variant, or null when it would exceed <see cref="MaxPerVariant"/>.</summary>
    public static int? PerVariant(AnalysisKind analysis, double alpha, double power, double sd, double mde)
    {
        var exact = Exact(analysis, alpha, power, sd, mde);
        return exact > MaxPerVariant ? null : (int)Math.Ceiling(exact);
    }

    /// <summary>The minimum effect in the metric's unit: a relative one is a fraction of the baseline mean.</summary>
    public static double AbsoluteEffect(MinimumEffect effect, double? baselineMean) =>
        effect.Scale == EffectScale.Absolute ? effect.Value : effect.Value * Math.Abs(baselineMean!.Value);
}
