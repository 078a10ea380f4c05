using SelfLearn.Domain.Experiments;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class CompleteExperimentTests
{
    [Fact]
    public void A_started_experiment_completes()
    {
        var started = Given(Started());
        var completed = started.Apply(Assert.IsType<ExperimentCompleted>(Assert.Single(CompleteExperiment.Decide(started, null, "t").Events)), Now);
        Assert.Equal((ExperimentStatus.Completed, Now), (completed.Status, completed.EndedAt));
    }

    [Fact]
    public void A_designed_or_aborted_experiment_does_not_complete()
    {
        Assert.Equal("experiment 'exp-1' is designed; only a started experiment can be completed. Nothing was appended.",
            CompleteExperiment.Decide(Given(Registered()), null, "t").Conflict);
        Assert.NotNull(CompleteExperiment.Decide(Given([.. Started(), new ExperimentAborted("exp-1", null, "t")]), null, "t").Conflict);
    }
}
