using SelfLearn.Domain.Experiments;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class AbortExperimentTests
{
    [Fact]
    public void A_designed_or_started_experiment_is_aborted()
    {
        foreach (var history in new[] { new object[] { Registered() }, Started() })
        {
            var experiment = Given(history);
            var aborted = experiment.Apply(Assert.IsType<ExperimentAborted>(Assert.Single(AbortExperiment.Decide(experiment, "bad design", "t").Events)), Now);
            Assert.Equal((ExperimentStatus.Aborted, "bad design"), (aborted.Status, aborted.Transitions[^1].Reason));
        }
    }

    [Fact]
    public void A_finished_experiment_is_not_aborted()
    {
        Assert.Equal("experiment 'exp-1' is completed; only a designed or a started experiment can be aborted. Nothing was appended.",
            AbortExperiment.Decide(Given([.. Started(), new ExperimentCompleted("exp-1", null, "t")]), null, "t").Conflict);
    }
}
