using SelfLearn.Domain.Experiments;

namespace SelfLearn.Domain.Tests.Experiments;

/// <summary>
/// The normal-approximation sample sizes of Chow, Shao and Wang, "Sample Size Calculations in Clinical Research"
/// (2nd ed., 2008), §3.1 (one sample / paired: n = (z_{α/2} + z_β)² σ² / δ²) and §3.2 (two samples: n = 2 (z_{α/2} + z_β)² σ² / δ²
/// per group). Standard normal quantiles from the tables: z(0.975) = 1.959964, z(0.8) = 0.841621.
/// </summary>
public sealed class SampleSizeTests
{
    private const double Z = 1.959963985 + 0.841621234;

    [Fact]
    public void Half_a_standard_deviation_needs_32_pairs_or_63_per_group()
    {
        Assert.Equal(Z * Z / 0.25, SampleSize.Exact(AnalysisKind.Paired, 0.05, 0.8, 1, 0.5), 6);
        Assert.Equal(32, SampleSize.PerVariant(AnalysisKind.Paired, 0.05, 0.8, 1, 0.5)); // 31.40 rounded up
        Assert.Equal(63, SampleSize.PerVariant(AnalysisKind.Unpaired, 0.05, 0.8, 1, 0.5)); // 62.79 rounded up
    }

    [Fact]
    public void An_effect_far_below_the_noise_is_no_plan()
    {
        Assert.Null(SampleSize.PerVariant(AnalysisKind.Paired, 0.05, 0.8, 1, 1e-5));
    }

    [Fact]
    public void A_relative_effect_is_a_fraction_of_the_baseline_mean()
    {
        Assert.Equal(0.03, SampleSize.AbsoluteEffect(new MinimumEffect(0.1, EffectScale.Relative), -0.3), 12);
        Assert.Equal(0.1, SampleSize.AbsoluteEffect(new MinimumEffect(0.1, EffectScale.Absolute), null));
    }
}
