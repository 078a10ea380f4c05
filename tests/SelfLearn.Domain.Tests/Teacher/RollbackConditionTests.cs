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
}
