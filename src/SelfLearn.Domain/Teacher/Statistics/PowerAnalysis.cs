using System.Text.Json.Serialization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

[JsonConverter(typeof(JsonStringEnumConverter<PowerDesign>))]
public enum PowerDesign
{
    /// <summary>Each example under both variants; n is the number of pairs and the SD is that of the differences.</summary>
    [JsonStringEnumMemberName("paired")] Paired,

    /// <summary>Two independent arms of equal size; n is per arm and the SD is the common SD of one value.</summary>
    [JsonStringEnumMemberName("twoSample")] TwoSample,
}

/// <summary>
/// Power, minimum detectable effect and required sample size of the two-sided t-test at level alpha, from the exact
/// noncentral t distribution (not a normal approximation): power = P(T'_{df, δ} &gt; t_{1−α/2, df}) with
/// δ = |Δ|/(σ·√(k/n)), k = 1 and df = n − 1 for paired designs, k = 2 and df = 2n − 2 for two equal arms. Only the
/// rejection in the effect's direction counts (as R's power.t.test does by default); the other tail is a significant
/// result of the wrong sign, which is not a detection. The noncentral t is integrated over its chi component.
/// </summary>
public static class PowerAnalysis
{
    private const long MaxSampleSize = 1_000_000_000_000;

    public static double Power(PowerDesign design, long sampleSize, double effect, double standardDeviation, double alpha = 0.05)
    {
        RequireAlpha(alpha);
        RequireSampleSize(sampleSize);
        RequireFinite("the effect", effect);
        RequirePositive("the standard deviation", standardDeviation);
        return PowerOf(design, sampleSize, Math.Abs(effect) / standardDeviation, alpha);
    }

    /// <summary>The smallest |Δ| that reaches <paramref name="power"/> with this many examples (per arm when two-sample).</summary>
    public static double MinimumDetectableEffect(PowerDesign design, long sampleSize, double standardDeviation, double alpha = 0.05, double power = 0.8)
    {
        RequireAlpha(alpha);
        RequirePower(power, alpha);
        RequireSampleSize(sampleSize);
        RequirePositive("the standard deviation", standardDeviation);
        // Normal-theory guess; the exact root lies a little above it (t is wider than z), so bracket generously.
        var guess = (Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power)) * Math.Sqrt(Factor(design) / sampleSize);
        var standardized = Brent.FindRoot(d => PowerOf(design, sampleSize, d, alpha) - power, 0, 20 * guess, 1e-12, 200);
        return standardized * standardDeviation;
    }

    /// <summary>The smallest n (pairs, or examples per arm) whose power to detect <paramref name="minimumEffect"/> reaches <paramref name="power"/>.</summary>
    public static long RequiredSampleSize(PowerDesign design, double minimumEffect, double standardDeviation, double alpha = 0.05, double power = 0.8)
    {
        RequireAlpha(alpha);
        RequirePower(power, alpha);
        RequirePositive("the standard deviation", standardDeviation);
        if (!(double.IsFinite(minimumEffect) && minimumEffect != 0))
            throw new ArgumentException($"the minimum effect must be a nonzero finite number (got {Format(minimumEffect)}).");

        var standardized = Math.Abs(minimumEffect) / standardDeviation;
        // The normal-theory size never exceeds the t-test's; the t correction adds a few units at most.
        var z = Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);
        var normal = Factor(design) * Math.Pow(z / standardized, 2);
        if (normal > MaxSampleSize)
            throw new ArgumentException(
                $"the minimum effect {Format(minimumEffect)} is too small for this standard deviation: it would need more than {MaxSampleSize:N0} examples.");
        var n = Math.Max(2, (long)Math.Floor(normal));
        while (PowerOf(design, n, standardized, alpha) < power)
            n++;
        while (n > 2 && PowerOf(design, n - 1, standardized, alpha) >= power)
            n--;
        return n;
    }

    private static double PowerOf(PowerDesign design, long n, double standardizedEffect, double alpha)
    {
        var df = design == PowerDesign.Paired ? n - 1 : 2.0 * n - 2;
        var noncentrality = standardizedEffect * Math.Sqrt(n / Factor(design));
        var critical = StudentTDistribution.InvCdf(df, 1 - alpha / 2);
        // T' = (Z + δ)/W with W = √(χ²_df/df): P(T' > c) = E_W[Φ(δ − c·W)]. W has density 2·df·w·χ²_df(df·w²) and
        // concentrates around 1 with spread about 1/√(2·df); ±10/√df covers it to far below double precision.
        // Dividing by the integrated density cancels the rounding of the density's normalising constant at huge df.
        var from = Math.Max(0, 1 - 10 / Math.Sqrt(df));
        var to = 1 + 10 / Math.Sqrt(df);
        double Density(double w) => 2 * df * w * ChiSquared.PDF(df, df * w * w);
        var detected = Integrate.GaussKronrod(w => Density(w) * Normal.CDF(0, 1, noncentrality - critical * w), from, to, 1e-12, 15, 21);
        var total = Integrate.GaussKronrod(Density, from, to, 1e-12, 15, 21);
        return detected / total;
    }

    private static double Factor(PowerDesign design) => design == PowerDesign.Paired ? 1 : 2;

    private static void RequirePower(double power, double alpha)
    {
        if (!(power > alpha / 2 && power < 1))
            throw new ArgumentException($"power must lie strictly between alpha/2 and 1 (got {Format(power)}).");
    }

    private static void RequireSampleSize(long sampleSize)
    {
        if (sampleSize < 2)
            throw new ArgumentException($"the sample size must be at least 2 (got {sampleSize}).");
    }
}
