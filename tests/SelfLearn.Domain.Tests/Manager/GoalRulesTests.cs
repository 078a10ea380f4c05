using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager;

/// <summary>Every rule a formal goal must pass, one broken at a time: the violation's key, rule and message.</summary>
public sealed class GoalRulesTests
{
    private static readonly FormalGoal Valid = new("default",
        [new GoalObjective("retrieval.recall@10", MetricDirection.HigherIsBetter, 0.7, "kind:preference")],
        [new GuardMetric("latency.total_ms", MetricDirection.LowerIsBetter, null, null, 300)], [], GoalDefaults.Budget, GoalLanguage.English);

    private static Violation Single(FormalGoal goal) => Assert.Single(GoalRules.Check(goal, Default, id => id == "default"));

    [Fact]
    public void A_valid_goal_breaks_no_rule() => Assert.Empty(GoalRules.Check(Valid, Default, id => id == "default"));

    [Fact]
    public void Metrics_come_from_the_registry_and_move_the_way_they_improve()
    {
        Assert.Equal(("primary[0].metric", "unknown metric 'retrieval.recall@7' (docs/METRICS.md lists the metrics)."),
            Pair(Single(Valid with { Primary = [Valid.Primary[0] with { Metric = "retrieval.recall@7" }] })));
        Assert.Equal(("guards[0].metric", "unknown metric 'latency.p95' (docs/METRICS.md lists the metrics)."),
            Pair(Single(Valid with { Guards = [Valid.Guards[0] with { Metric = "latency.p95" }] })));
        Assert.Equal(("primary[0].direction", "'retrieval.recall@10' improves when higher; a goal moves a metric the way it improves."),
            Pair(Single(Valid with { Primary = [Valid.Primary[0] with { Direction = MetricDirection.LowerIsBetter }] })));
        Assert.Equal(("primary", "a goal moves 1 to 10 primary metrics, not 0."), Pair(Single(Valid with { Primary = [] })));
    }

    [Fact]
    public void Targets_stay_in_the_metric_range_and_segments_are_well_formed()
    {
        Assert.Equal(("primary[0].target", "'retrieval.recall@10' is a ratio from 0 to 1 (3 % is 0.03), not 70."),
            Pair(Single(Valid with { Primary = [Valid.Primary[0] with { Target = 70 }] })));
        Assert.Equal(("guards[0].bound", "'latency.total_ms' is never negative, not -1."),
            Pair(Single(Valid with { Guards = [Valid.Guards[0] with { Bound = -1 }] })));
        Assert.Equal("primary[0].segment", Single(Valid with { Primary = [Valid.Primary[0] with { Segment = "kind:gossip" }] }).Key);
    }

    [Fact]
    public void A_guard_has_a_limit_and_is_not_a_primary_metric()
    {
        Assert.Equal(("guards[0]", "guard 'latency.total_ms' has no limit: give maxRelativeDegradation, maxAbsoluteDegradation or bound."),
            Pair(Single(Valid with { Guards = [Valid.Guards[0] with { Bound = null }] })));
        Assert.Equal(("guards[0].metric", "'retrieval.recall@10' is already a primary metric; a guard watches another one."),
            Pair(Single(Valid with { Guards = [new GuardMetric("retrieval.recall@10", MetricDirection.HigherIsBetter, 0.02, null, null)] })));
    }

    [Fact]
    public void Allowed_factors_are_in_the_catalog_and_not_frozen()
    {
        Assert.Equal(ViolationRule.UnknownFactor, Single(Valid with { AllowedFactors = ["retrieval.wobble"] }).Rule);
        Assert.Equal((ViolationRule.FrozenFactor, "factor 'generation.model' is frozen: no goal may change it."),
            (Single(Valid with { AllowedFactors = ["generation.model"] }).Rule, Single(Valid with { AllowedFactors = ["generation.model"] }).Message));
        Assert.Equal("factor 'retrieval.top_k' is listed twice.", Single(Valid with { AllowedFactors = ["retrieval.top_k", "retrieval.top_k"] }).Message);
    }

    [Theory]
    [InlineData(0, 1000, 120, "budget.experiments", "a goal's budget is 1 to 100 experiments, not 0.")]
    [InlineData(101, 1000, 120, "budget.experiments", "a goal's budget is 1 to 100 experiments, not 101.")]
    [InlineData(5, 100_001, 120, "budget.simulatedDialogs", "a goal's budget is 1 to 100,000 simulated dialogs, not 100001.")]
    [InlineData(5, 1000, 10_081, "budget.wallTimeMinutes", "a goal's budget is 1 to 10,080 minutes of wall time, not 10081.")]
    public void The_budget_is_positive_and_bounded(int experiments, int dialogs, int minutes, string key, string message) =>
        Assert.Equal((key, message), Pair(Single(Valid with { Budget = new GoalBudget(experiments, dialogs, minutes) })));

    [Fact]
    public void The_deployment_is_well_formed_and_exists()
    {
        Assert.Equal("no deployment 'staging' (GET /api/deployments lists them).", Single(Valid with { Deployment = "staging" }).Message);
        Assert.Equal("a deployment id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.",
            Single(Valid with { Deployment = "Staging!" }).Message);
    }

    [Fact]
    public void A_goal_allows_at_most_50_factors_and_a_longer_list_is_one_violation()
    {
        Assert.Empty(GoalRules.Check(Valid with { AllowedFactors = ["retrieval.top_k"] }, Default, id => id == "default"));
        Assert.Equal(("allowedFactors", "a goal allows at most 50 factors, not 51."),
            Pair(Single(Valid with { AllowedFactors = [.. Enumerable.Repeat("retrieval.top_k", 51)] })));
        Assert.Equal(("allowedFactors[0]", "'allowedFactors[0]' names a factor of the catalog, not null."), Pair(Single(Valid with { AllowedFactors = [null!] })));
    }

    private static (string, string) Pair(Violation violation) => (violation.Key, violation.Message);
}
