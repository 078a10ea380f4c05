using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Domain.Tests.Manager.Cycles.CycleGiven;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

public sealed class StartCycleTests
{
    [Fact]
    public void A_goal_the_deployment_can_serve_starts_the_cycle_from_its_active_version()
    {
        var (started, problems) = StartCycle.Decide(Id, "goal-1", Goal("retrieval.top_k"), 3, Default, "meta-user#k");

        Assert.Empty(problems);
        Assert.Equal(new CycleStarted(Id, "goal-1", Goal("retrieval.top_k"), "default", 3, "meta-user#k") with { Goal = started!.Goal }, started);
    }

    [Fact]
    public void Every_problem_of_a_goal_is_listed_and_nothing_is_started()
    {
        var goal = Goal("retrieval.bogus") with
        {
            Primary = [new GoalObjective("retrieval.nope", MetricDirection.HigherIsBetter, null, null)],
            Budget = new GoalBudget(0, 0, 0),
        };

        var (started, problems) = StartCycle.Decide(Id, "", goal, null, Default, "m");

        Assert.Null(started);
        Assert.Equal(["'goalId' is required.", "no deployment 'default'.", "'retrieval.nope' is not a metric of docs/METRICS.md.",
            "'retrieval.bogus' is not an impact factor of the catalog.", "the budget's 'experiments' must be 1 to 10.",
            "the budget's 'simulatedDialogs' must be at least 1.", "the budget's 'wallTimeMinutes' must be at least 1."], problems);
    }

    [Fact]
    public void A_goal_with_more_factors_than_a_goal_may_allow_is_one_problem_and_nothing_is_started()
    {
        var (started, problems) = StartCycle.Decide(Id, "goal-1", Goal([.. Enumerable.Repeat("retrieval.top_k", 51)]), 3, Default, "m");

        Assert.Null(started);
        Assert.Equal(["a goal has 1 to 10 primary metrics, at most 20 guards and at most 50 allowed factors."], problems);
    }
}
