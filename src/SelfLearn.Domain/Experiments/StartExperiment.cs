using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>Only a designed experiment starts: a finished one keeps the data it had.</summary>
public static class StartExperiment
{
    public static Decision Decide(Experiment experiment, string? reason, string by) =>
        ExperimentStatus.Transition(experiment, [ExperimentStatus.Designed], "started", new ExperimentStarted(experiment.ExperimentId, reason, by));
}
