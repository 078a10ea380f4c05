using SelfLearn.Domain.Experiments;
using static SelfLearn.Domain.Tests.Experiments.ExperimentHistory;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Experiments;

public sealed class StartExperimentTests
{
    [Fact]
    public void A_designed_experiment_starts()
    {
        var designed = Given(Registered());
        Assert.Equal(ExperimentStatus.Designed, designed.Status);

        var started = Assert.IsType<ExperimentStarted>(Assert.Single(StartExperiment.Decide(designed, "go", "t").Events));
        var experiment = designed.Apply(started, Now);

        Assert.Equal((ExperimentStatus.Started, Now, 2L), (experiment.Status, experiment.StartedAt, experiment.Version));
        Assert.Equal(new ExperimentTransition(ExperimentStatus.Started, Now, "t", "go"), experiment.Transitions[^1]);
    }

    [Theory]
    [InlineData(typeof(ExperimentStarted), "started")]
    [InlineData(typeof(ExperimentStopped), "stopped")]
    [InlineData(typeof(ExperimentCompleted), "completed")]
    public void Only_a_designed_experiment_starts(Type last, string status)
    {
        object[] history = last == typeof(ExperimentStarted) ? Started()
            : [.. Started(), Activator.CreateInstance(last, "exp-1", null, "t")!];
        var decision = StartExperiment.Decide(Given(history), null, "t");

        Assert.Empty(decision.Events);
        Assert.Equal($"experiment 'exp-1' is {status}; only a designed experiment can be started. Nothing was appended.", decision.Conflict);
    }

    [Fact]
    public void An_aborted_experiment_never_starts()
    {
        Assert.NotNull(StartExperiment.Decide(Given(Registered(), new ExperimentAborted("exp-1", "wrong design", "t")), null, "t").Conflict);
    }

    [Fact]
    public void An_online_experiment_does_not_start_while_another_splits_the_deployment()
    {
        var online = Given(Registered(new DesignProposal(Mode: ExperimentMode.Online)));

        var decision = StartExperiment.Decide(online, null, "t", runningOnline: "exp-other");

        Assert.Empty(decision.Events);
        Assert.Equal("deployment 'default' already splits its live traffic for online experiment 'exp-other'; stop, complete or abort it first. " +
            "Nothing was appended.", decision.Conflict);
        Assert.IsType<ExperimentStarted>(Assert.Single(StartExperiment.Decide(online, null, "t", runningOnline: null).Events));
    }

    [Fact]
    public void An_offline_experiment_starts_while_an_online_one_splits_the_deployment()
    {
        Assert.IsType<ExperimentStarted>(Assert.Single(StartExperiment.Decide(Given(Registered()), null, "t", runningOnline: "exp-other").Events));
    }
}
