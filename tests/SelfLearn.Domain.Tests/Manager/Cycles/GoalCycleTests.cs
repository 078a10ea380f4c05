using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Verdicts;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.Manager.Cycles.CycleGiven;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

/// <summary>A cycle from a recorded goal: activation, budget across cycles, achievement, the chain's end, and no re-test.</summary>
public sealed class GoalCycleTests
{
    private static Goal RecordedGoal(FormalGoal formal, params object[] after) =>
        Domain.Manager.Goals.Goal.Replay([new GoalStated("goal-1", null, GoalLanguage.Russian, formal, GoalSource.Json, 1, "meta"), .. after], Now)!;

    private static readonly GoalBudget Nothing = new(0, 0, 0);

    [Fact]
    public void The_first_cycle_of_a_confirmed_goal_activates_it_and_takes_the_goals_formal_form_and_language()
    {
        var goal = RecordedGoal(CycleGiven.Goal("retrieval.top_k"), new GoalConfirmed("goal-1", "meta"));

        var (formal, decision) = StartGoalCycle.Decide(goal, Nothing, "cyc-1", "meta#k");

        Assert.Equal([new GoalActivated("goal-1", "cyc-1", "meta#k")], decision.Events);
        Assert.Equal((GoalLanguage.Russian, new GoalBudget(2, 48, 30)), (formal!.Language, formal.Budget));
    }

    [Fact]
    public void A_later_cycle_of_an_active_goal_appends_nothing_to_the_goal_and_gets_what_is_left_of_the_budget()
    {
        var goal = RecordedGoal(CycleGiven.Goal("retrieval.top_k"), new GoalConfirmed("goal-1", "meta"), new GoalActivated("goal-1", "cyc-0", "meta"));

        var (formal, decision) = StartGoalCycle.Decide(goal, new GoalBudget(1, 24, 5), "cyc-1", "meta#k");

        Assert.True(decision.Accepted);
        Assert.Empty(decision.Events);
        Assert.Equal(new GoalBudget(1, 24, 25), formal!.Budget);
    }

    [Theory]
    [InlineData("stated")]
    [InlineData("achieved")]
    [InlineData("abandoned")]
    public void A_goal_not_confirmed_or_active_is_refused(string status)
    {
        object[] after = status switch
        {
            "stated" => [],
            "achieved" => [new GoalConfirmed("goal-1", "m"), new GoalActivated("goal-1", "c", "m"), new GoalAchieved("goal-1", "c", "met", "m")],
            _ => [new GoalAbandoned("goal-1", "no longer needed", "m")],
        };

        var (formal, decision) = StartGoalCycle.Decide(RecordedGoal(CycleGiven.Goal("retrieval.top_k"), after), Nothing, "cyc-1", "m");

        Assert.Null(formal);
        Assert.Equal($"goal 'goal-1' is {status}; a cycle starts only from a confirmed or active goal. Nothing was appended.", decision.Conflict);
    }

    [Fact]
    public void A_spent_budget_is_refused_naming_what_ran_out()
    {
        var goal = RecordedGoal(CycleGiven.Goal("retrieval.top_k"), new GoalConfirmed("goal-1", "meta"));

        var (formal, decision) = StartGoalCycle.Decide(goal, new GoalBudget(2, 24, 3), "cyc-1", "m");

        Assert.Null(formal);
        Assert.Equal("goal 'goal-1': the goal's budget is spent: 2 of 2 experiment(s). Nothing was appended.", decision.Conflict);
    }

    [Fact]
    public void Spent_counts_planned_experiments_both_variants_of_every_scenario_and_minutes_to_the_last_step()
    {
        // Planned(e1, e2): 2 experiments of 12 scenarios each, both variants: 48 dialogs; a running cycle counts up to now (90 s: 2 minutes, rounded up).
        var spent = GoalBudgetSpent.Of([Planned("e1", "e2")], Now.AddSeconds(90));

        Assert.Equal(new GoalBudget(2, 48, 2), spent);
    }

    private static Cycle Activated(FormalGoal goal, double treatment, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        var metric = goal.Primary[0].Metric;
        var cycle = Cycle.Create(new CycleStarted(Id, "goal-1", goal, "default", 3, "m"), Now);
        return cycle.Apply(
            new CyclePlanned(Id, [Experiment("e1")], 12, []),
            new VariantsPrepared(Id, "e1", 3, 4), new ExperimentRan(Id, "e1", "sim", "completed"),
            new ExperimentEvaluated(Id, "e1", "vrd", VerdictCall.Winner, [],
                [new MetricGain(metric, Segments.All, MetricRole.Primary, 0.5, treatment, treatment - 0.5, null, null, null, direction == MetricDirection.HigherIsBetter ? Significance.Better : Significance.Worse)],
                ["rec-1"]),
            new RecommendationsRecorded(Id, [new CycleRecommendation("rec-1", "e1", [], 0.1, [])]),
            new ChangeActivated(Id, "rec-1", 4, [], [], null));
    }

    private static FormalGoal Targeting(string metric, MetricDirection direction, double? target) =>
        CycleGiven.Goal("retrieval.top_k") with { Primary = [new GoalObjective(metric, direction, target, null)] };

    [Fact]
    public void The_goal_is_achieved_when_the_activated_changes_treatment_figure_reaches_the_target_the_metrics_way()
    {
        var higher = Targeting("retrieval.delivered_recall", MetricDirection.HigherIsBetter, 0.8);
        var lower = Targeting("latency.observed_total_ms", MetricDirection.LowerIsBetter, 900);

        Assert.Equal("every targeted primary metric reached its target in experiment e1 (activated version 4): retrieval.delivered_recall (all) 0.8 ≥ target 0.8.",
            GoalAchievement.Check(higher, Activated(higher, 0.8)));
        Assert.Null(GoalAchievement.Check(higher, Activated(higher, 0.79)));
        Assert.NotNull(GoalAchievement.Check(lower, Activated(lower, 850, MetricDirection.LowerIsBetter)));
        Assert.Null(GoalAchievement.Check(lower, Activated(lower, 901, MetricDirection.LowerIsBetter)));
    }

    [Fact]
    public void A_goal_without_targets_or_a_cycle_without_an_activation_is_never_achieved()
    {
        var untargeted = Targeting("retrieval.delivered_recall", MetricDirection.HigherIsBetter, null);
        var targeted = Targeting("retrieval.delivered_recall", MetricDirection.HigherIsBetter, 0.1);

        Assert.Null(GoalAchievement.Check(untargeted, Activated(untargeted, 0.99)));
        Assert.Null(GoalAchievement.Check(targeted, Evaluated("e1")));
    }

    [Fact]
    public void The_chain_ends_when_the_goal_is_achieved_nothing_was_planned_or_the_budget_is_spent_and_goes_on_otherwise()
    {
        var active = RecordedGoal(CycleGiven.Goal("retrieval.top_k"), new GoalConfirmed("goal-1", "m"), new GoalActivated("goal-1", "c", "m"));
        var one = Planned("e1"); // 1 of 2 experiments, 24 of 48 dialogs

        Assert.Null(ContinueGoal.EndReason(active, one, null, [one], Now));
        Assert.Equal("the goal is achieved: met.", ContinueGoal.EndReason(active, one, "met.", [one], Now));
        Assert.Equal("nothing is left to test: this cycle planned no experiment.",
            ContinueGoal.EndReason(active, Started("retrieval.top_k").Apply(new CyclePlanned(Id, [], 0, [])), null, [one], Now));
        Assert.Equal("the goal's budget is spent: 2 of 2 experiment(s).", ContinueGoal.EndReason(active, one, null, [one, Planned("e1")], Now));
        var twoADay = new SelfLearn.Domain.Manager.Autonomy.PeriodLimit(2, 24);
        Assert.Null(ContinueGoal.EndReason(active, one, null, [one], Now, 1, twoADay));
        Assert.Equal("the autonomy policy's activations are used up: 2 of 2 in 24 h; the goal stays active, start its next cycle when the period allows another.",
            ContinueGoal.EndReason(active, one, null, [one], Now, 2, twoADay));
        Assert.Equal("the goal's budget is spent: 2 of 2 experiment(s).", ContinueGoal.EndReason(active, one, null, [one, Planned("e1")], Now, 2, twoADay));
    }

    [Fact]
    public void The_planner_skips_a_hypothesis_an_earlier_cycle_of_the_goal_tested_from_the_same_base_value()
    {
        var defaults = new Dictionary<string, System.Text.Json.JsonElement>(Catalog.Defaults(Default));
        var tried = new HashSet<string> { CyclePlanner.Tried("retrieval.top_k", J("5"), J("7")) };

        var (hypotheses, _, notes, _) = CyclePlanner.Plan(Started("retrieval.top_k", "retrieval.neighbor_weight"), Default, defaults, tried);

        Assert.Equal(["retrieval.top_k 5 → 3", "retrieval.neighbor_weight 0.3 → 0.4"],
            hypotheses.Select(h => $"{h.Experiment.Factor} {h.Experiment.From.GetRawText()} → {h.Experiment.To.GetRawText()}"));
        Assert.Equal("retrieval.top_k 5 → 7 is not planned: an earlier cycle of goal goal-1 tested it on the same base version.", notes[0]);
    }
}
