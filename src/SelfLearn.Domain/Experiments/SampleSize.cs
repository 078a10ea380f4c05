using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// The planned sample size of a design: the smallest number of examples (paired; <c>sd</c> of per-example differences)
/// or units per variant (unpaired; <c>sd</c> of one unit) at which the two-sided t-test at <c>alpha</c> detects the
/// minimum effect <c>mde</c> (absolute) with the given power. One implementation: <see cref="PowerAnalysis.RequiredSampleSize"/>
/// (exact noncentral t, checked against R's power.t.test).
/// </summary>
public static class SampleSize
{
    /// <summary>More than this per variant is not a plan but a sign that the minimum effect is far below the noise.</summary>
    public const double MaxPerVariant = 1_000_000_000;

    /// <summary>The whole number of examples or units per variant, or null when it would exceed <see cref="MaxPerVariant"/>.</summary>
    public static int? PerVariant(AnalysisKind analysis, double alpha, double power, double sd, double mde)
    {
        var design = analysis == AnalysisKind.Paired ? PowerDesign.Paired : PowerDesign.TwoSample;
        try
        {
            var n = PowerAnalysis.RequiredSampleSize(design, mde, sd, alpha, power);
            return n > MaxPerVariant ? null : (int)n;
        }
        catch (ArgumentException)
        {
            return null; // the effect is too small for the noise to plan at all
        }
    }

    /// <summary>The minimum effect in the metric's unit: a relative one is a fraction of the baseline mean.</summary>
    public static double AbsoluteEffect(MinimumEffect effect, double? baselineMean) =>
        effect.Scale == EffectScale.Absolute ? effect.Value : effect.Value * Math.Abs(baselineMean!.Value);
}
