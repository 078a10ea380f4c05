using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// Only a designed experiment starts: a finished one keeps the data it had. An online experiment takes the deployment's
/// live traffic, so it starts only while no other online experiment runs on that deployment.
/// </summary>
public static class StartExperiment
{
    /// <param name="runningOnline">The online experiment running on the experiment's deployment, if any.</param>
    public static Decision Decide(Experiment experiment, string? reason, string by, string? runningOnline = null)
    {
        if (experiment.Status == ExperimentStatus.Designed && experiment.Design.Mode == ExperimentMode.Online
            && runningOnline is { } other && other != experiment.ExperimentId)
            return Decision.Refuse($"deployment '{experiment.DeploymentId}' already splits its live traffic for online experiment '{other}'; " +
                "stop, complete or abort it first. Nothing was appended.");
        return ExperimentStatus.Transition(experiment, [ExperimentStatus.Designed], "started", new ExperimentStarted(experiment.ExperimentId, reason, by));
    }
}
