namespace SelfLearn.Domain.Manager.Cycles;

public enum CycleStepKind { Plan, PrepareVariants, RunExperiment, EvaluateExperiment, RecordRecommendations, ApplyChange, DecideApproval, Report }

/// <summary>A step of the cycle; the experiment steps name their experiment.</summary>
public sealed record CycleStep(CycleStepKind Kind, string? ExperimentId = null)
{
    public string Name => ExperimentId is null ? Kind.ToString() : $"{Kind} {ExperimentId}";
}

/// <summary>
/// The order of a cycle: plan; for each planned experiment in turn (but a skipped one) prepare its variants, run it, evaluate it; record the
/// recommendations; apply the change (or wait for its approval); report. The next step is a function of the recorded
/// ones alone, so a step is legal only right after the one before it, and one recorded already is never next again.
/// </summary>
public static class CycleSteps
{
    /// <summary>The step still to record, or null when the cycle has ended.</summary>
    public static CycleStep? Next(Cycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (CycleStatus.IsFinished(cycle.Status) || cycle.Report is not null)
            return null;
        if (cycle.Experiments is null)
            return new CycleStep(CycleStepKind.Plan);
        foreach (var experiment in cycle.Experiments.Where(x => x.Skipped is null))
        {
            var id = experiment.Plan.ExperimentId;
            if (experiment.TreatmentVersion is null)
                return new CycleStep(CycleStepKind.PrepareVariants, id);
            if (experiment.SimulationId is null)
                return new CycleStep(CycleStepKind.RunExperiment, id);
            if (experiment.VerdictId is null)
                return new CycleStep(CycleStepKind.EvaluateExperiment, id);
        }
        if (cycle.Recommendations is null)
            return new CycleStep(CycleStepKind.RecordRecommendations);
        if (cycle.Change is null)
            return new CycleStep(CycleStepKind.ApplyChange);
        if (cycle.Change.Kind == CycleChange.Awaiting)
            return new CycleStep(CycleStepKind.DecideApproval);
        return new CycleStep(CycleStepKind.Report);
    }

    /// <summary>Whether a handler may start the work of <paramref name="step"/> now: it is next and the cycle runs (or waits for this approval).</summary>
    public static bool MayStart(Cycle? cycle, CycleStep step) =>
        cycle is not null && Next(cycle) == step
        && cycle.Status == (step.Kind == CycleStepKind.DecideApproval ? CycleStatus.AwaitingApproval : CycleStatus.Running);
}
