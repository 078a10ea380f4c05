using SelfLearn.Domain.Manager.Cycles;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>A message that does one step of a cycle; they all travel on the cycles' durable local queue.</summary>
public interface ICycleStepMessage
{
    string CycleId { get; }

    CycleStep Step { get; }
}

public sealed record PlanCycle(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.Plan);
}

public sealed record PrepareCycleVariants(string CycleId, string ExperimentId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.PrepareVariants, ExperimentId);
}

public sealed record RunCycleExperiment(string CycleId, string ExperimentId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.RunExperiment, ExperimentId);
}

public sealed record EvaluateCycleExperiment(string CycleId, string ExperimentId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.EvaluateExperiment, ExperimentId);
}

public sealed record RecordCycleRecommendations(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.RecordRecommendations);
}

public sealed record ApplyCycleChange(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.ApplyChange);
}

/// <summary>
/// The meta-user decided the approval a cycle waits for: approved, the tested version is activated; declined, the cycle
/// changes nothing. (Issue #12's approvals will send it; until then only tests and the cycle's own seam do.)
/// </summary>
public sealed record ApprovalDecided(string ApprovalId, string CycleId, bool Approved, string By = "meta-user") : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.DecideApproval);
}

public sealed record ReportCycle(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.Report);
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
