using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Autonomy;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// How a cycle and the approvals it asks for meet: the autonomy policy's verdict decides whether the cycle acts alone,
/// waits for a person (a factor that needs an approval, or a change outside the policy's ranges or its activations per
/// period), or cannot change at all (outside the catalog); an approval whose cycle has ended can no longer be decided.
/// </summary>
public static class CycleApprovals
{
    /// <summary>One approval per cycle (the cycle changes at most one recommendation's change set), so a redelivered step reuses it.</summary>
    public static string ApprovalId(string cycleId) => $"apr-{cycleId}";

    /// <summary>The keys (factors, or "activations") that keep the loop from acting alone, in the verdict's order.</summary>
    public static IReadOnlyList<string> Waiting(AutonomyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return [.. verdict.Reasons.Select(r => r.Key).Distinct(StringComparer.Ordinal)];
    }

    public static string Why(AutonomyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return string.Join(" ", verdict.Reasons.Select(r => r.Message));
    }

    /// <summary>
    /// Null when the meta-user may decide <paramref name="approval"/>; otherwise why not: the cycle that asked for it
    /// has stopped, completed or failed, so nothing would use the decision.
    /// </summary>
    public static string? Undecidable(Approval approval, Cycle? cycle)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return cycle is not null && CycleStatus.IsFinished(cycle.Status)
            ? $"approval '{approval.ApprovalId}' was asked for by cycle '{cycle.CycleId}', which is {cycle.Status}: nothing waits for the decision."
            : null;
    }
}
