using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Approvals;

/// <summary>
/// An approval is requested for a recorded recommendation; its change set is the recommendation's (key → proposed value),
/// never retyped. While one approval of the recommendation is pending or approved and unused, another is refused.
/// </summary>
public static class RequestApproval
{
    public static Decision Decide(
        string approvalId, bool exists, string recommendationId, Recommendation? recommendation, IReadOnlyList<Approval> openApprovals, string reason, string by,
        string? cycleId = null)
    {
        var violations = new List<Violation>(ProposalRules.Id(approvalId));
        violations.AddRange(ProposalRules.Text(reason, "reason"));
        if (recommendation is null)
            violations.Add(new Violation("recommendationId", ViolationRule.UnknownRecommendation,
                $"no recommendation '{ProposalRules.Short(recommendationId)}': an approval is requested for a recorded recommendation."));
        if (violations.Count > 0)
            return Decision.Reject(violations);

        if (exists)
            return Decision.Refuse($"approval '{approvalId}' already exists.");
        if (openApprovals.FirstOrDefault() is { } open)
            return Decision.Refuse($"recommendation '{recommendationId}' already has approval '{open.ApprovalId}' ({open.Status}).");

        var changes = recommendation!.Changes.ToDictionary(c => c.Key, c => c.To!.Value, StringComparer.Ordinal);
        return Decision.Accept(new ApprovalRequested(approvalId, recommendationId, recommendation.DeploymentId, recommendation.BaseVersion,
            changes, reason, by, cycleId));
    }
}
