using System.Text.Json;
using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Domain.Tests.Teacher;

public sealed class RollbackConditionTests
{
    [Fact]
    public void A_known_metric_a_positive_drop_and_at_least_one_window_pass() =>
        Assert.Empty(RollbackCondition.CheckAll([new RollbackCondition("latency.total_ms", 0.5, 1), new RollbackCondition("retrieval.delivered_recall", 10, 100)]));

    [Theory]
    [InlineData("retrieval.precision", 0.1, 3, "rollbackConditions[0].metric")]
    [InlineData("retrieval.delivered_precision", 0, 3, "rollbackConditions[0].maxDrop")]
    [InlineData("retrieval.delivered_precision", -0.1, 3, "rollbackConditions[0].maxDrop")]
    [InlineData("retrieval.delivered_precision", double.NaN, 3, "rollbackConditions[0].maxDrop")]
    [InlineData("retrieval.delivered_precision", 10.5, 3, "rollbackConditions[0].maxDrop")]
    [InlineData("retrieval.delivered_precision", 0.1, 0, "rollbackConditions[0].windows")]
    [InlineData("retrieval.delivered_precision", 0.1, 101, "rollbackConditions[0].windows")]
    public void Each_bad_field_is_named(string metric, double maxDrop, int windows, string key) =>
        Assert.Equal(key, Assert.Single(RollbackCondition.CheckAll([new RollbackCondition(metric, maxDrop, windows)])).Key);

    [Fact]
    public void The_same_metric_twice_is_ambiguous() =>
        Assert.Contains("more than once", Assert.Single(RollbackCondition.CheckAll(
            [new RollbackCondition("error.rate", 0.1, 3), new RollbackCondition("error.rate", 0.2, 2)])).Message, StringComparison.Ordinal);

    [Fact]
    public void A_recommendation_needs_at_least_one_condition() =>
        Assert.Equal("rollbackConditions", Assert.Single(RollbackCondition.CheckAll([])).Key);

    [Fact]
    public void An_absolute_rule_names_a_limit_and_no_drop()
    {
        var absolute = new RollbackCondition("error.rate", 0, 2) { Comparison = RuleComparison.Absolute, Limit = 0.05, WindowSeconds = 300, MinSamples = 50 };

        Assert.Empty(absolute.Check("rule", 60));
        Assert.Equal(["rule.limit", "rule.maxDrop"], (absolute with { Limit = null, MaxDrop = 0.1 }).Check("rule").Select(v => v.Key));
        Assert.Equal(["rule.limit"], new RollbackCondition("error.rate", 0.1, 2) { Limit = 0.05 }.Check("rule").Select(v => v.Key));
    }

    [Theory]
    [InlineData(0, null, "rule.windowSeconds")]
    [InlineData(90, null, "rule.windowSeconds")]
    [InlineData(null, 0, "rule.minSamples")]
    public void A_window_length_off_the_base_windows_or_no_minimum_is_refused(int? windowSeconds, int? minSamples, string key) =>
        Assert.Equal(key, Assert.Single(new RollbackCondition("error.rate", 0.1, 2) { WindowSeconds = windowSeconds, MinSamples = minSamples }.Check("rule", 60)).Key);

    [Fact]
    public void Conditions_stored_before_the_optional_fields_read_as_relative_with_the_defaults_and_write_back_the_same()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        const string stored = """{"metric":"error.rate","maxDrop":0.1,"windows":3}""";

        var read = JsonSerializer.Deserialize<RollbackCondition>(stored, options)!;

        Assert.Equal((RuleComparison.Relative, RollbackCondition.DefaultMinSamples, 60), (read.EffectiveComparison, read.EffectiveMinSamples, read.WindowLength(60)));
        Assert.Equal(stored, JsonSerializer.Serialize(read, options));
        Assert.Equal("""{"metric":"error.rate","maxDrop":0,"windows":1,"comparison":"absolute","limit":0.05}""",
            JsonSerializer.Serialize(new RollbackCondition("error.rate", 0, 1) { Comparison = RuleComparison.Absolute, Limit = 0.05 }, options));
    }
}
