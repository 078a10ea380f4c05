using System.Text.Json;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Manager.Alerts;

/// <summary>
/// The alerts the Teacher and the Manager raise as they record what causes them. Each id names its occurrence (the
/// verdict, the cycle, the approval), so the same occurrence can never be raised twice: its stream already exists.
/// </summary>
public static class RaisedAlerts
{
    /// <summary>One alert per verdict that found any treatment past a guard, listing every breach; null when none was.</summary>
    public static AlertRaised? GuardBreached(VerdictRecorded verdict, string deploymentId)
    {
        var breaches = verdict.Result.Treatments
            .SelectMany(t => t.BreachedGuards.Select(g => new { variant = t.Variant, g.Metric, g.Limit, g.LimitValue, g.Observed }))
            .ToList();
        if (breaches.Count == 0)
            return null;
        var summary = string.Join("; ", breaches.Select(b => $"{b.variant}: {b.Metric} ({b.Limit})"));
        return new AlertRaised($"guard-breached-{verdict.VerdictId}", AlertKind.GuardBreached, deploymentId, verdict.ExperimentId,
            $"experiment {verdict.ExperimentId}, verdict {verdict.VerdictId}: a guard was breached — {summary}.",
            Evidence(new { experimentId = verdict.ExperimentId, verdictId = verdict.VerdictId, breaches }), verdict.By);
    }

    public static AlertRaised CycleFailed(Cycle cycle, CycleFailed failed, string by) =>
        new($"cycle-failed-{failed.CycleId}", AlertKind.CycleFailed, cycle.DeploymentId, failed.CycleId,
            $"cycle {failed.CycleId} failed at {failed.Step}: {failed.Reason}",
            Evidence(new { cycleId = failed.CycleId, goalId = cycle.GoalId, step = failed.Step, reason = failed.Reason }), by);

    public static AlertRaised AwaitingApproval(Cycle cycle, ChangeAwaitingApproval waiting, string by) =>
        new($"awaiting-approval-{waiting.ApprovalId}", AlertKind.AwaitingApproval, cycle.DeploymentId, waiting.CycleId,
            $"cycle {waiting.CycleId} waits for approval {waiting.ApprovalId} to activate version {waiting.ConfigVersion}: {waiting.Reason}",
            Evidence(new
            {
                cycleId = waiting.CycleId, approvalId = waiting.ApprovalId, recommendationId = waiting.RecommendationId,
                configVersion = waiting.ConfigVersion, factors = waiting.Factors,
            }), by);

    private static JsonElement Evidence(object figures) => JsonSerializer.SerializeToElement(figures, JsonSerializerOptions.Web);
}
