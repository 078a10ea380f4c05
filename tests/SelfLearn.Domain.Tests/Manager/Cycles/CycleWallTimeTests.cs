using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Hypotheses;
using static SelfLearn.Domain.Tests.Manager.Cycles.CycleGiven;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

/// <summary>The goal's wall time within a cycle (30 minutes here): once spent, the experiments not started are skipped.</summary>
public sealed class CycleWallTimeTests
{
    private static Cycle FirstRunSecondNotStarted() =>
        Planned("e1", "e2").Apply(new VariantsPrepared(Id, "e1", 3, 4), new ExperimentRan(Id, "e1", "sim-e1", "completed"),
            new ExperimentEvaluated(Id, "e1", "vrd-e1", VerdictCall.Winner, [], [], ["rec-1"]));

    [Fact]
    public void Before_the_wall_time_is_spent_nothing_is_skipped()
    {
        Assert.Null(CycleWallTime.Skip(FirstRunSecondNotStarted(), Now.AddMinutes(29.9)));
    }

    [Fact]
    public void Once_spent_the_experiments_not_started_are_skipped_and_the_cycle_goes_on_to_its_recommendations()
    {
        var cycle = FirstRunSecondNotStarted();

        var skipped = CycleWallTime.Skip(cycle, Now.AddMinutes(31.5))!;
        var after = cycle.Apply(skipped);

        Assert.Equal(["e2"], skipped.ExperimentIds);
        Assert.Equal("the goal's wall time is spent: 31 of 30 minute(s) since the cycle started.", skipped.Reason);
        Assert.Equal(new CycleStep(CycleStepKind.RecordRecommendations), CycleSteps.Next(after));
        Assert.Equal([null, skipped.Reason], after.Experiments!.Select(x => x.Skipped));
        Assert.Null(CycleWallTime.Skip(after, Now.AddMinutes(40))); // nothing left to start
    }

    [Fact]
    public void A_skipped_experiment_spends_no_budget_is_not_reported_as_tested_and_is_next_on_the_map()
    {
        var cycle = FirstRunSecondNotStarted();
        var after = cycle.Apply(CycleWallTime.Skip(cycle, Now.AddMinutes(30))!);

        // 12 scenarios, both variants, for the one experiment that ran.
        Assert.Equal((1, 24), (GoalBudgetSpent.Of([after], Now.AddMinutes(30)).Experiments, GoalBudgetSpent.Of([after], Now.AddMinutes(30)).SimulatedDialogs));
        var report = CycleReports.Of(after);
        Assert.Equal(["h-e1"], report.Tested.Select(t => t.HypothesisId));
        Assert.Empty(report.Rejected);
        var next = Assert.Single(report.HypothesisMap!.Next);
        Assert.Equal(("h-e2", "e2", "the goal's wall time is spent: 30 of 30 minute(s) since the cycle started."), (next.HypothesisId, next.ExperimentId, next.Why));
        Assert.DoesNotContain(report.HypothesisMap.Tried, t => t.ExperimentId == "e2");
    }
}
