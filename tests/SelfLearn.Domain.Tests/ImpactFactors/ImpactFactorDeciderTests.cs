using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.ImpactFactors;

public sealed class ImpactFactorDeciderTests
{
    private static ImpactFactor TopK(FactorZone zone) =>
        Default["retrieval.top_k"] with { Zone = zone };

    [Fact]
    public void A_coherent_factor_is_registered_with_its_definition()
    {
        var decision = RegisterImpactFactor.Decide("retrieval.rerank_depth", FactorType.Int, new FactorBounds(1, 50, 1), J("10"), "items", "d",
            FactorZone.Manual, "t", Runnable);
        var registered = (FactorRegistered)Assert.Single(decision.Events);
        Assert.Equal(("retrieval.rerank_depth", FactorZone.Manual, "10"), (registered.Key, registered.Zone, registered.Default.GetRawText()));
    }

    [Fact]
    public void A_default_outside_its_bounds_is_rejected_and_registers_nothing()
    {
        var decision = RegisterImpactFactor.Decide("retrieval.rerank_depth", FactorType.Int, new FactorBounds(1, 50, 1), J("99"), null, "d",
            FactorZone.Auto, "t", Runnable);
        Assert.NotEmpty(decision.Violations);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void New_bounds_keep_the_default_unless_one_is_given()
    {
        var changed = (FactorBoundsChanged)Assert.Single(
            ChangeImpactFactorBounds.Decide(TopK(FactorZone.Auto), new FactorBounds(1, 30, 1), null, "r", "t", Runnable).Events);
        Assert.Equal((30m, TopK(FactorZone.Auto).Default.GetRawText()), (changed.Bounds.Max!.Value, changed.Default.GetRawText()));
    }

    [Fact]
    public void A_frozen_factor_keeps_its_bounds()
    {
        var violation = Assert.Single(
            ChangeImpactFactorBounds.Decide(TopK(FactorZone.Frozen), new FactorBounds(1, 30, 1), null, "r", "t", Runnable).Violations);
        Assert.Equal(ViolationRule.FrozenFactor, violation.Rule);
    }

    [Fact]
    public void A_zone_change_records_both_zones_and_to_the_same_zone_is_a_conflict()
    {
        var changed = (FactorZoneChanged)Assert.Single(ChangeImpactFactorZone.Decide(TopK(FactorZone.Auto), FactorZone.Frozen, "r", "t").Events);
        Assert.Equal((FactorZone.Auto, FactorZone.Frozen), (changed.From, changed.To));
        Assert.Equal("retrieval.top_k is already in the auto zone.", ChangeImpactFactorZone.Decide(TopK(FactorZone.Auto), FactorZone.Auto, "r", "t").Conflict);
    }
}
