using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Tests.Teacher.Statistics;

public sealed class HolmBonferroniTests
{
    // Wikipedia, "Holm–Bonferroni method", example: p1 = 0.01, p2 = 0.04, p3 = 0.03, p4 = 0.005 at alpha 0.05;
    // Holm rejects H4 and H1 only. Adjusted by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 gives
    // 0.02, 0.03, 0.06, 0.04, made monotone 0.02, 0.03, 0.06, 0.06 (R: p.adjust(c(.01,.04,.03,.005), "holm")).
    [Fact]
    public void Reproduces_the_published_example_in_input_order()
    {
        var adjusted = HolmBonferroni.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
        Assert.Equal([true, false, false, true], adjusted.Select(p => p <= 0.05));
    }

    [Fact]
    public void Adjusted_values_are_capped_at_one_and_never_fall_below_a_smaller_raw_value()
    {
        var adjusted = HolmBonferroni.Adjust([0.5, 0.3, 0.9]);

        // 0.3·3 = 0.9, then max(0.9, 0.5·2 → 1) = 1, then max(1, 0.9) = 1.
        Assert.Equal([1.0, 0.9, 1.0], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void A_single_metric_is_not_adjusted() =>
        Assert.Equal([0.012], HolmBonferroni.Adjust([0.012]));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_p_value_outside_zero_to_one_is_refused(double p) =>
        Assert.StartsWith("p-values must lie between 0 and 1",
            Assert.Throws<ArgumentException>(() => HolmBonferroni.Adjust([0.01, p])).Message, StringComparison.Ordinal);
}
