using SelfLearn.Domain.Manager.Cycles;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>A message that does one step of a cycle; they all travel on the cycles' durable local queue.</summary>
public interface ICycleStepMessage
{
    string CycleId { get; }

    CycleStep Step { get; }
}

public static class CycleMessages
{
    /// <summary>The message that does <paramref name="step"/>; none for an approval, which waits for a person.</summary>
    public static ICycleStepMessage? For(string cycleId, CycleStep step) => step.Kind switch
    {
        CycleStepKind.Plan => new PlanCycle(cycleId),
        CycleStepKind.PrepareVariants => new PrepareCycleVariants(cycleId, step.ExperimentId!),
        CycleStepKind.RunExperiment => new RunCycleExperiment(cycleId, step.ExperimentId!),
        CycleStepKind.EvaluateExperiment => new EvaluateCycleExperiment(cycleId, step.ExperimentId!),
        CycleStepKind.RecordRecommendations => new RecordCycleRecommendations(cycleId),
        CycleStepKind.ApplyChange => new ApplyCycleChange(cycleId),
        CycleStepKind.Report => new ReportCycle(cycleId),
        _ => null,
    };
}
