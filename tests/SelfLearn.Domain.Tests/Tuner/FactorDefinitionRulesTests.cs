using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Tuner;

public sealed class FactorDefinitionRulesTests
{
    [Fact]
    public void Every_default_catalog_factor_is_coherent() =>
        Assert.All(DefaultCatalog.Factors, f => Assert.Empty(FactorDefinitionRules.Check(f.Key, f.Type, f.Bounds, f.Default)));

    [Theory]
    [InlineData("topk")]
    [InlineData("Retrieval.TopK")]
    [InlineData("retrieval.")]
    [InlineData("retrieval top_k")]
    public void Keys_must_be_dotted_lower_case(string key) =>
        Assert.Contains(FactorDefinitionRules.Check(key, FactorType.Int, new FactorBounds(1, 5, 1), J("3")),
            v => v.Rule == ViolationRule.InvalidDefinition);

    [Fact]
    public void Min_above_max_is_invalid() =>
        Assert.Contains(FactorDefinitionRules.Check("a.b", FactorType.Int, new FactorBounds(5, 1, 1), J("3")),
            v => v.Message.Contains("min", StringComparison.Ordinal));

    [Fact]
    public void Enum_needs_allowed_values_and_a_default_among_them()
    {
        Assert.NotEmpty(FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(), J("\"x\"")));
        var bad = FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(AllowedValues: ["rrf", "zscore"]), J("\"minmax\""));
        Assert.Equal(ViolationRule.NotAllowedValue, Assert.Single(bad).Rule);
        Assert.Empty(FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(AllowedValues: ["rrf", "zscore"]), J("\"rrf\"")));
    }

    [Fact]
    public void A_default_outside_the_bounds_is_invalid() =>
        Assert.Equal(ViolationRule.OutOfRange,
            Assert.Single(FactorDefinitionRules.Check("a.k", FactorType.Int, new FactorBounds(1, 10, 1), J("11"))).Rule);
}
