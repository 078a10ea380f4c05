using SelfLearn.Domain.Experiments;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class EvaluateExperimentTests
{
    [Fact]
    public void A_designed_started_stopped_or_completed_experiment_may_be_evaluated()
    {
        var histories = new[]
        {
            new object[] { Registered() }, Started(), [.. Started(), new ExperimentStopped("exp-1", null, "t")],
            [.. Started(), new ExperimentCompleted("exp-1", null, "t")],
        };
        Assert.All(histories, history => Assert.Null(EvaluateExperiment.Refusal(Given(history))));
    }

    [Fact]
    public void An_aborted_experiment_is_not_evaluated()
    {
        Assert.Equal("experiment 'exp-1' is aborted: its data must not be used for a verdict. Nothing was appended.",
            EvaluateExperiment.Refusal(Given([.. Started(), new ExperimentAborted("exp-1", "bad design", "t")])));
    }
}
