using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>Aborting calls off a designed or started experiment; its data must not be used for a verdict.</summary>
public static class AbortExperiment
{
    public static Decision Decide(Experiment experiment, string? reason, string by) =>
        ExperimentStatus.Transition(experiment, [ExperimentStatus.Designed, ExperimentStatus.Started], "aborted", new ExperimentAborted(experiment.ExperimentId, reason, by));
}
