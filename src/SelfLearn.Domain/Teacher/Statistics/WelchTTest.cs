using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Welch's unequal-variance t-test on treatment − baseline means, with Welch–Satterthwaite degrees of freedom
/// (v_B + v_T)² / (v_B²/(n_B − 1) + v_T²/(n_T − 1)), v = s²/n. When both arms have no spread the degrees of freedom
/// fall back to n_B + n_T − 2.
/// </summary>
public static class WelchTTest
{
    public static MeanDifferenceTest Run(SampleMoments baseline, SampleMoments treatment, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(treatment);
        RequireAlpha(alpha);
        baseline.Validated("baseline");
        treatment.Validated("treatment");
        var vb = baseline.Variance / baseline.Count;
        var vt = treatment.Variance / treatment.Count;
        var standardError = Math.Sqrt(vb + vt);
        var df = vb + vt == 0
            ? baseline.Count + treatment.Count - 2
            : (vb + vt) * (vb + vt) / (vb * vb / (baseline.Count - 1) + vt * vt / (treatment.Count - 1));
        var difference = treatment.Mean - baseline.Mean;
        var (t, p, interval) = StudentTInference.Infer(difference, standardError, df, alpha);
        return new MeanDifferenceTest(baseline.Mean, treatment.Mean, difference, standardError, t, df, p, interval);
    }
}
