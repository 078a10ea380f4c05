namespace SelfLearn.Domain.Experiments;

/// <summary>Which experiments a verdict may be recorded for: any but an aborted one, whose data must not be used for a verdict.</summary>
public static class EvaluateExperiment
{
    /// <summary>Why the experiment cannot be evaluated in its status, or null when it can.</summary>
    public static string? Refusal(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.Status == ExperimentStatus.Aborted
            ? $"experiment '{experiment.ExperimentId}' is aborted: its data must not be used for a verdict. Nothing was appended."
            : null;
    }
}
