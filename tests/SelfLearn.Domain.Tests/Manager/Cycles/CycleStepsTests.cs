using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Hypotheses;
using static SelfLearn.Domain.Tests.Manager.Cycles.CycleGiven;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

public sealed class CycleStepsTests
{
    private static string? Next(Cycle cycle) => CycleSteps.Next(cycle)?.Name;

    [Fact]
    public void Each_experiment_is_prepared_run_and_evaluated_in_turn_before_the_recommendations_the_change_and_the_report()
    {
        var cycle = Started();
        var seen = new List<string?> { Next(cycle) };
        foreach (var e in new object[]
                 {
                     new CyclePlanned(Id, [Experiment("e1"), Experiment("e2")], 12, []),
                     new VariantsPrepared(Id, "e1", 3, 4), new ExperimentRan(Id, "e1", "s1", "completed"),
                     new ExperimentEvaluated(Id, "e1", "v1", VerdictCall.Loser, [], [], []),
                     new VariantsPrepared(Id, "e2", 3, 5), new ExperimentRan(Id, "e2", "s2", "completed"),
                     new ExperimentEvaluated(Id, "e2", "v2", VerdictCall.Winner, [], [], ["r2"]),
                     new RecommendationsRecorded(Id, [Recommendation("r2", "retrieval.top_k", "7", 0.1)]),
                     new ChangeAwaitingApproval(Id, "r2", "apr-cyc-1", 5, [], ["retrieval.top_k"], "why"),
                     new ChangeActivated(Id, "r2", 5, [], [], "apr-cyc-1"),
                     new CycleReported(Id, CycleReports.Of(cycle)), new CycleCompleted(Id, "activated"),
                 })
        {
            cycle = cycle.Apply(e);
            seen.Add(Next(cycle));
        }

        Assert.Equal(["Plan", "PrepareVariants e1", "RunExperiment e1", "EvaluateExperiment e1", "PrepareVariants e2", "RunExperiment e2",
            "EvaluateExperiment e2", "RecordRecommendations", "ApplyChange", "DecideApproval", "Report", null, null], seen);
        Assert.Equal((CycleStatus.Completed, 13L), (cycle.Status, cycle.Version)); // the start and twelve steps
    }

    [Fact]
    public void A_step_recorded_already_or_out_of_order_is_refused_and_the_next_one_is_accepted()
    {
        var planned = Planned("e1");
        var prepared = new VariantsPrepared(Id, "e1", 3, 4);

        var again = RecordCycleStep.Decide(planned, new CycleStep(CycleStepKind.Plan), [new CyclePlanned(Id, [], 0, [])]);
        var early = RecordCycleStep.Decide(planned, new CycleStep(CycleStepKind.RunExperiment, "e1"), [new ExperimentRan(Id, "e1", "s1", "completed")]);
        var next = RecordCycleStep.Decide(planned, new CycleStep(CycleStepKind.PrepareVariants, "e1"), [prepared]);

        Assert.Equal("cycle cyc-1's next step is PrepareVariants e1, not Plan.", again.Conflict);
        Assert.Equal("cycle cyc-1's next step is PrepareVariants e1, not RunExperiment e1.", early.Conflict);
        Assert.Equal([prepared], next.Events);
    }

    [Fact]
    public void A_step_in_flight_is_recorded_on_a_paused_cycle_but_nothing_is_recorded_on_a_stopped_one()
    {
        var step = new CycleStep(CycleStepKind.Plan);
        var planned = new CyclePlanned(Id, [], 0, []);
        var paused = Started().Apply(new CyclePaused(Id, "meta-user#k", null));
        var stopped = Started().Apply(new CycleStopped(Id, "meta-user#k", null));

        Assert.Equal([planned], RecordCycleStep.Decide(paused, step, [planned]).Events);
        Assert.False(CycleSteps.MayStart(paused, step));
        Assert.Equal("cycle cyc-1 is stopped: nothing more is recorded on it.", RecordCycleStep.Decide(stopped, step, [planned]).Conflict);
        Assert.Equal(CycleStatus.Paused, paused.Apply(planned).Status);
    }

    [Fact]
    public void Pause_resume_and_stop_follow_the_cycle_s_state()
    {
        var running = Started();
        var paused = running.Apply(new CyclePaused(Id, "m", null));
        var waiting = Evaluated("e1").Apply(new RecommendationsRecorded(Id, []), new ChangeAwaitingApproval(Id, "r", "apr-cyc-1", 4, [], ["retrieval.top_k"], "why"));

        Assert.IsType<CyclePaused>(Assert.Single(CycleControls.Pause(running, "m", null).Events));
        Assert.Equal("cycle cyc-1 is paused: only a running cycle or one awaiting approval can be paused.", CycleControls.Pause(paused, "m", null).Conflict);
        Assert.Equal("cycle cyc-1 is running: only a paused cycle can be resumed.", CycleControls.Resume(running, "m").Conflict);
        Assert.Equal(CycleStatus.Running, paused.Apply(new CycleResumed(Id, "m")).Status);
        Assert.Equal(CycleStatus.AwaitingApproval, waiting.Apply(new CyclePaused(Id, "m", null), new CycleResumed(Id, "m")).Status);
        Assert.IsType<CycleStopped>(Assert.Single(CycleControls.Stop(waiting, "m", "enough").Events));
        Assert.Equal("no such cycle.", CycleControls.Stop(null, "m", null).Conflict);
    }
}
