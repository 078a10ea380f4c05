using SelfLearn.Domain.Experiments;

namespace SelfLearn.Domain.Tests.Experiments;

/// <summary>
/// Planned sizes come from the exact noncentral t of PowerAnalysis. Published values: R 4.x
/// <c>power.t.test(delta = .5, sd = 1, power = .8, type = "paired")</c> gives n = 33.37 → 34 pairs; Cohen (1988),
/// Table 2.4.1, d = .5 at alpha .05 two-sided and power .8 → 64 per group.
/// </summary>
public sealed class SampleSizeTests
{
    [Fact]
    public void Half_a_standard_deviation_needs_34_pairs_or_64_per_group()
    {
        Assert.Equal(34, SampleSize.PerVariant(AnalysisKind.Paired, 0.05, 0.8, 1, 0.5));
        Assert.Equal(64, SampleSize.PerVariant(AnalysisKind.Unpaired, 0.05, 0.8, 1, 0.5));
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
