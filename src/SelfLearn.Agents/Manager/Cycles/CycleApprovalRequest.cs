using Marten;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// Asks a meta-user to approve the chosen recommendation: a real approval (<c>GET /api/approvals</c>) with the id
/// <see cref="CycleApprovals.ApprovalId"/> and the cycle's id, started on the step's own session so it commits with
/// <see cref="ChangeAwaitingApproval"/> or not at all. A refusal (the recommendation already has an open approval of its
/// own) leaves the cycle with nothing to wait for, so it records why nothing changed.
/// </summary>
internal static class CycleApprovalRequest
{
    public static async Task<object> AwaitAsync(
        IDocumentSession session, Cycle cycle, CycleRecommendation chosen, int treatment, AutonomyVerdict verdict, string note, CancellationToken ct)
    {
        var approvalId = CycleApprovals.ApprovalId(cycle.CycleId);
        var why = CycleApprovals.Why(verdict);
        var recommendation = await session.LoadAsync<Recommendation>(Recommendation.StreamKey(chosen.RecommendationId), ct);
        var open = await session.Query<Approval>()
            .Where(a => a.RecommendationId == chosen.RecommendationId && (a.Status == ApprovalStatus.Pending || a.Status == ApprovalStatus.Approved))
            .ToListAsync(ct);
        var exists = await session.Events.FetchStreamStateAsync(Approval.StreamKey(approvalId), ct) is not null;
        var decision = RequestApproval.Decide(approvalId, exists, chosen.RecommendationId, recommendation, [.. open],
            $"cycle {cycle.CycleId}: {why}", PlanCycleHandler.By, cycle.CycleId);
        if (!decision.Accepted)
            return new NoChange(cycle.CycleId, $"{chosen.RecommendationId} needs an approval, which could not be requested: " +
                $"{decision.Conflict ?? string.Join(" ", decision.Violations.Select(v => v.Message))}{note}");
        session.Events.StartStream<Approval>(Approval.StreamKey(approvalId), [.. decision.Events]);
        return new ChangeAwaitingApproval(cycle.CycleId, chosen.RecommendationId, approvalId, treatment, chosen.Changes, CycleApprovals.Waiting(verdict), $"{why}{note}");
    }
}
