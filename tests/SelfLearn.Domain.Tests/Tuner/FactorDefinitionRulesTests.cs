using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Tuner;

public sealed class FactorDefinitionRulesTests
{
    [Fact]
    public void Every_default_catalog_factor_is_coherent() =>
        Assert.All(DefaultCatalog.Factors, f => Assert.Empty(FactorDefinitionRules.Check(f.Key, f.Type, f.Bounds, f.Default, Runnable)));

    [Theory]
    [InlineData("topk")]
    [InlineData("Retrieval.TopK")]
    [InlineData("retrieval.")]
    [InlineData("retrieval top_k")]
    public void Keys_must_be_dotted_lower_case(string key) =>
        Assert.Contains(FactorDefinitionRules.Check(key, FactorType.Int, new FactorBounds(1, 5, 1), J("3"), Runnable),
            v => v.Rule == ViolationRule.InvalidDefinition);

    [Fact]
    public void Min_above_max_is_invalid() =>
        Assert.Contains(FactorDefinitionRules.Check("a.b", FactorType.Int, new FactorBounds(5, 1, 1), J("3"), Runnable),
            v => v.Message.Contains("min", StringComparison.Ordinal));

    [Fact]
    public void Enum_needs_allowed_values_and_a_default_among_them()
    {
        Assert.NotEmpty(FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(), J("\"x\""), Runnable));
        var bad = FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(AllowedValues: ["rrf", "zscore"]), J("\"minmax\""), Runnable);
        Assert.Equal(ViolationRule.NotAllowedValue, Assert.Single(bad).Rule);
        Assert.Empty(FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(AllowedValues: ["rrf", "zscore"]), J("\"rrf\""), Runnable));
    }

    [Fact]
    public void A_default_outside_the_bounds_is_invalid() =>
        Assert.Equal(ViolationRule.OutOfRange,
            Assert.Single(FactorDefinitionRules.Check("a.k", FactorType.Int, new FactorBounds(1, 10, 1), J("11"), Runnable)).Rule);

    [Theory]
    [InlineData("1.5", "0", "10")]
    [InlineData("1", "0.5", "10")]
    [InlineData("1", "0", "10.25")]
    public void An_int_factor_takes_whole_number_bounds_and_step(string step, string min, string max)
    {
        var bounds = new FactorBounds(Dec(min), Dec(max), Dec(step));
        var violation = Assert.Single(FactorDefinitionRules.Check("a.k", FactorType.Int, bounds, J("3"), Runnable));
        Assert.Equal(ViolationRule.InvalidDefinition, violation.Rule);
        Assert.Equal("int factors take whole-number min, max and step.", violation.Message);
    }

    [Fact]
    public void A_float_factor_may_take_a_fractional_step() =>
        Assert.Empty(FactorDefinitionRules.Check("a.f", FactorType.Float, new FactorBounds(0, 10, 1.5m), J("3"), Runnable));

    [Theory]
    [InlineData("-1000000001", "0")]
    [InlineData("0", "79228162514264337593543950335")]
    public void Bounds_beyond_the_magnitude_cap_are_invalid(string min, string max)
    {
        var violation = Assert.Single(FactorDefinitionRules.Check("a.f", FactorType.Float, new FactorBounds(Dec(min), Dec(max)), J("0"), Runnable));
        Assert.Equal("min, max and step lie within ±1,000,000,000.", violation.Message);
    }

    [Fact]
    public void More_allowed_values_than_the_cap_are_invalid()
    {
        var allowed = Enumerable.Range(0, FactorLimits.MaxAllowedValues + 1).Select(i => $"v{i}").ToList();
        var violation = Assert.Single(FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(AllowedValues: allowed), J("\"v0\""), Runnable));
        Assert.Equal("a factor has at most 100 allowed values.", violation.Message);
        Assert.Empty(FactorDefinitionRules.Check("a.mode", FactorType.Enum, new FactorBounds(AllowedValues: allowed[..100]), J("\"v0\""), Runnable));
    }

    [Fact]
    public void An_allowed_value_longer_than_the_cap_is_invalid() =>
        Assert.Equal(ViolationRule.InvalidDefinition, Assert.Single(FactorDefinitionRules.Check("a.mode", FactorType.Enum,
            new FactorBounds(AllowedValues: ["ok", new string('x', 201)]), J("\"ok\""), Runnable)).Rule);

    [Fact]
    public void A_prompt_version_default_or_allowed_value_the_build_cannot_run_is_not_runnable()
    {
        const string key = "generation.system_prompt_version";
        var badDefault = Assert.Single(FactorDefinitionRules.Check(key, FactorType.Text, new FactorBounds(), J("\"answer-v9\""), Runnable));
        Assert.Equal(ViolationRule.NotRunnable, badDefault.Rule);
        Assert.Equal("default: generation.system_prompt_version = \"answer-v9\" cannot run in this build; it runs: answer-v1, answer-v2.", badDefault.Message);

        var badAllowed = Assert.Single(FactorDefinitionRules.Check(key, FactorType.Enum, new FactorBounds(AllowedValues: ["answer-v1", "answer-v9"]),
            J("\"answer-v1\""), Runnable));
        Assert.Equal(ViolationRule.NotRunnable, badAllowed.Rule);
        Assert.Empty(FactorDefinitionRules.Check(key, FactorType.Text, new FactorBounds(), J("\"answer-v9\""), RunnableValues.None));
    }

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
