using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>Completing ends a started experiment at its planned end; its data is what the evaluation uses.</summary>
public static class CompleteExperiment
{
    public static Decision Decide(Experiment experiment, string? reason, string by) =>
        ExperimentStatus.Transition(experiment, [ExperimentStatus.Started], "completed", new ExperimentCompleted(experiment.ExperimentId, reason, by));
}
