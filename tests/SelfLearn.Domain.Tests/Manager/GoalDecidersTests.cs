using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager;

/// <summary>Given a goal's events, when a step is decided, then its event or why not; a refusal carries no event.</summary>
public sealed class GoalDecidersTests
{
    private static readonly FormalGoal Formal = new("default",
        [new GoalObjective("answer.hallucination_rate", MetricDirection.LowerIsBetter, 0.03, null)],
        [new GuardMetric("retrieval.recall@10", MetricDirection.HigherIsBetter, 0.02, null, null)], ["retrieval.top_k"], GoalDefaults.Budget, GoalLanguage.Russian);

    private static readonly GoalStated Stated = new("g1", "Сократить галлюцинации", GoalLanguage.Russian, Formal, GoalSource.Offline, 50, "meta-user#1");

    private static Goal Given(params object[] events) => Goal.Replay([Stated, .. events], Now)!;

    private static bool Deployments(string id) => id == "default";

    [Fact]
    public void A_valid_goal_is_stated_and_the_same_id_twice_is_a_conflict()
    {
        Assert.Equal([Stated], StateGoal.Decide(Stated, false, Default, Deployments).Events);
        var again = StateGoal.Decide(Stated, true, Default, Deployments);
        Assert.Equal(("goal 'g1' already exists.", 0), (again.Conflict, again.Events.Count));
    }

    [Fact]
    public void A_stated_goal_is_confirmed_activated_and_achieved_in_that_order_only()
    {
        Assert.Equal([new GoalConfirmed("g1", "meta-user#2")], ConfirmGoal.Decide(Given(), "meta-user#2").Events);
        Assert.Equal("goal 'g1' is stated; only a confirmed goal can be activated. Nothing was appended.", ActivateGoal.Decide(Given(), "c1", "manager").Conflict);
        var confirmed = Given(new GoalConfirmed("g1", "meta-user#2"));
        Assert.Equal([new GoalActivated("g1", "c1", "manager")], ActivateGoal.Decide(confirmed, "c1", "manager").Events);
        Assert.Equal("goal 'g1' is confirmed; only an active goal can be achieved. Nothing was appended.", AchieveGoal.Decide(confirmed, "c1", null, "manager").Conflict);
        var active = Given(new GoalConfirmed("g1", "meta-user#2"), new GoalActivated("g1", "c1", "manager"));
        Assert.Equal([new GoalAchieved("g1", "c1", "met", "manager")], AchieveGoal.Decide(active, "c1", "met", "manager").Events);
    }

    [Fact]
    public void Editing_a_confirmed_goal_sends_it_back_to_stated_so_it_must_be_confirmed_again()
    {
        var edited = Formal with { AllowedFactors = ["generation.temperature"] };
        var confirmed = Given(new GoalConfirmed("g1", "meta-user#2"));

        var decision = EditGoal.Decide(confirmed, edited, "only temperature", "meta-user#2", Default, Deployments);

        Assert.Equal([new GoalEdited("g1", edited, "only temperature", "meta-user#2")], decision.Events);
        var after = Given(new GoalConfirmed("g1", "meta-user#2"), decision.Events[0]);
        Assert.Equal((GoalStatus.Stated, null, 3L), (after.Status, after.ConfirmedBy, after.Version));
        Assert.Equal("goal 'g1' is stated; only a confirmed goal can be activated. Nothing was appended.", ActivateGoal.Decide(after, "c1", "manager").Conflict);
    }

    [Fact]
    public void Nothing_follows_an_achieved_or_abandoned_goal()
    {
        var achieved = Given(new GoalConfirmed("g1", "m"), new GoalActivated("g1", "c1", "m"), new GoalAchieved("g1", "c1", null, "m"));
        var abandoned = Given(new GoalAbandoned("g1", "superseded", "m"));

        foreach (var goal in new[] { achieved, abandoned })
        {
            Decision[] steps =
            [
                ConfirmGoal.Decide(goal, "m"), EditGoal.Decide(goal, Formal, null, "m", Default, Deployments), ActivateGoal.Decide(goal, "c2", "m"),
                AchieveGoal.Decide(goal, "c2", null, "m"), AbandonGoal.Decide(goal, "again", "m"), PrioritiseGoal.Decide(goal, 1, "m"),
            ];
            Assert.All(steps, step => Assert.Equal((false, 0), (step.Accepted, step.Events.Count)));
            Assert.All(steps, step => Assert.StartsWith($"goal 'g1' is {goal.Status}; only ", step.Conflict, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_priority_moves_within_bounds_and_a_same_or_out_of_range_priority_is_refused()
    {
        Assert.Equal([new GoalPrioritised("g1", 50, 1, "m")], PrioritiseGoal.Decide(Given(), 1, "m").Events);
        Assert.Equal(ViolationRule.NoChange, Assert.Single(PrioritiseGoal.Decide(Given(), 50, "m").Violations).Rule);
        Assert.Equal("a priority is 1 (first) to 100, not 0.", Assert.Single(PrioritiseGoal.Decide(Given(), 0, "m").Violations).Message);
        Assert.Equal(1, Given(new GoalPrioritised("g1", 50, 1, "m")).Priority);
    }

    [Fact]
    public void An_edit_the_rules_refuse_appends_nothing_even_for_a_stated_goal()
    {
        var decision = EditGoal.Decide(Given(), Formal with { AllowedFactors = ["generation.model"] }, null, "m", Default, Deployments);

        Assert.Equal((0, ViolationRule.FrozenFactor), (decision.Events.Count, Assert.Single(decision.Violations).Rule));
    }
}
