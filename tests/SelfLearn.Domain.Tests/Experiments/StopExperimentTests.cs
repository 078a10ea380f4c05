using SelfLearn.Domain.Experiments;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class StopExperimentTests
{
    [Fact]
    public void A_started_experiment_stops_and_records_when_it_ended()
    {
        var started = Given(Started());
        var stopped = started.Apply(Assert.IsType<ExperimentStopped>(Assert.Single(StopExperiment.Decide(started, "guard breached", "t").Events)), Now);

        Assert.Equal((ExperimentStatus.Stopped, Now, 3L), (stopped.Status, stopped.EndedAt, stopped.Version));
        Assert.Equal([ExperimentStatus.Designed, ExperimentStatus.Started, ExperimentStatus.Stopped], stopped.Transitions.Select(t => t.Status));
    }

    [Fact]
    public void A_designed_or_finished_experiment_does_not_stop()
    {
        Assert.Equal("experiment 'exp-1' is designed; only a started experiment can be stopped. Nothing was appended.",
            StopExperiment.Decide(Given(Registered()), null, "t").Conflict);
        Assert.NotNull(StopExperiment.Decide(Given([.. Started(), new ExperimentStopped("exp-1", null, "t")]), null, "t").Conflict);
    }
}
