using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>Stopping ends a started experiment early; its data stays for inspection but it never runs again.</summary>
public static class StopExperiment
{
    public static Decision Decide(Experiment experiment, string? reason, string by) =>
        ExperimentStatus.Transition(experiment, [ExperimentStatus.Started], "stopped", new ExperimentStopped(experiment.ExperimentId, reason, by));
}
