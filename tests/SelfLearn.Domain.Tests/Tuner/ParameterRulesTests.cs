using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Tuner;

public sealed class ParameterRulesTests
{
    private static readonly IReadOnlyDictionary<string, System.Text.Json.JsonElement> Baseline = Catalog.Defaults(Default);

    private static IReadOnlyList<Violation> Check(string? approval, params (string, string)[] values) =>
        ParameterRules.Check(Default, Baseline, Map(values), approval, Runnable);

    [Fact]
    public void A_valid_change_in_the_auto_zone_passes() =>
        Assert.Empty(Check(null, ("retrieval.top_k", "8"), ("retrieval.dense_weight", "0.65")));

    [Fact]
    public void Unknown_key_is_rejected() =>
        Assert.Equal(ViolationRule.UnknownFactor, Assert.Single(Check(null, ("retrieval.top_q", "3"))).Rule);

    [Theory]
    [InlineData("retrieval.top_k", "2.5")]
    [InlineData("retrieval.top_k", "\"5\"")]
    [InlineData("retrieval.dense_weight", "true")]
    [InlineData("security.row_level_security", "1")]
    [InlineData("generation.system_prompt_version", "7")]
    [InlineData("generation.system_prompt_version", "\"  \"")]
    public void Wrong_type_is_rejected(string key, string raw) =>
        Assert.Equal(ViolationRule.WrongType, Check("approval-1", (key, raw))[0].Rule);

    [Theory]
    [InlineData("retrieval.top_k", "0")]
    [InlineData("retrieval.top_k", "51")]
    [InlineData("generation.temperature", "2.05")]
    [InlineData("retrieval.min_score", "-0.01")]
    public void Out_of_range_is_rejected(string key, string raw) =>
        Assert.Equal(ViolationRule.OutOfRange, Assert.Single(Check(null, (key, raw))).Rule);

    [Theory]
    [InlineData("retrieval.dense_weight", "0.33")]
    [InlineData("retrieval.min_score", "0.005")]
    public void Off_step_is_rejected(string key, string raw) =>
        Assert.Equal(ViolationRule.OffStep, Assert.Single(Check(null, (key, raw))).Rule);

    [Fact]
    public void On_step_decimal_values_pass_exactly() =>
        Assert.Empty(Check(null, ("retrieval.dense_weight", "0.35"), ("retrieval.min_score", "0.07")));

    [Fact]
    public void Changing_a_frozen_factor_is_rejected_even_with_an_approval()
    {
        var violations = Check("approval-1", ("generation.model", "\"gpt-x\""), ("security.row_level_security", "false"));
        Assert.Equal([ViolationRule.FrozenFactor, ViolationRule.FrozenFactor], violations.Select(v => v.Rule));
    }

    [Fact]
    public void Restating_a_frozen_factor_unchanged_passes() =>
        Assert.Empty(Check(null, ("generation.model", "\"offline-extractive\""), ("retrieval.top_k", "6")));

    [Fact]
    public void Manual_zone_change_without_approval_is_rejected() =>
        Assert.Equal(ViolationRule.ApprovalRequired, Assert.Single(Check(null, ("generation.system_prompt_version", "\"answer-v2\""))).Rule);

    [Fact]
    public void Manual_zone_change_with_approval_passes() =>
        Assert.Empty(Check("approval-42", ("generation.system_prompt_version", "\"answer-v2\"")));

    [Fact]
    public void Every_violation_is_listed_not_only_the_first()
    {
        var violations = Check(null,
            ("nope.factor", "1"), ("retrieval.top_k", "99"), ("retrieval.dense_weight", "0.33"),
            ("generation.model", "\"x\""), ("generation.system_prompt_version", "\"answer-v2\""), ("retrieval.bm25_weight", "\"high\""));
        Assert.Equal(
            [ViolationRule.FrozenFactor, ViolationRule.ApprovalRequired, ViolationRule.UnknownFactor, ViolationRule.WrongType,
             ViolationRule.OffStep, ViolationRule.OutOfRange],
            violations.Select(v => v.Rule));
        Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Message)));
    }

    [Fact]
    public void A_prompt_version_no_template_exists_for_is_not_runnable()
    {
        var violation = Assert.Single(Check("approval-1", ("generation.system_prompt_version", "\"answer-v9\"")));
        Assert.Equal(ViolationRule.NotRunnable, violation.Rule);
        Assert.Equal("generation.system_prompt_version = \"answer-v9\" cannot run in this build; it runs: answer-v1, answer-v2.", violation.Message);
    }

    [Theory]
    [InlineData("retrieval.bm25_weight", "1e400")]
    [InlineData("retrieval.bm25_weight", "79228162514264337593543950336")]
    [InlineData("retrieval.top_k", "1000000001")]
    [InlineData("retrieval.min_score", "-1000000000.5")]
    public void A_number_beyond_the_magnitude_cap_is_out_of_range(string key, string raw)
    {
        var violation = Assert.Single(Check(null, (key, raw)));
        Assert.Equal(ViolationRule.OutOfRange, violation.Rule);
        Assert.EndsWith("is beyond ±1,000,000,000.", violation.Message, StringComparison.Ordinal);
    }
}
