using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Approvals;

/// <summary>A pending approval is approved or declined once, with a reason; a second decision is a conflict.</summary>
public static class DecideApproval
{
    public static Decision Approve(Approval approval, string reason, string by) =>
        Decide(approval, reason, new ApprovalGranted(approval.ApprovalId, reason, by));

    public static Decision Decline(Approval approval, string reason, string by) =>
        Decide(approval, reason, new ApprovalDeclined(approval.ApprovalId, reason, by));

    private static Decision Decide(Approval approval, string reason, object decision)
    {
        var invalid = ProposalRules.Text(reason, "reason").ToList();
        if (invalid.Count > 0)
            return Decision.Reject(invalid);
        return approval.Status == ApprovalStatus.Pending
            ? Decision.Accept(decision)
            : Decision.Refuse($"approval '{approval.ApprovalId}' is already {approval.Status} (by {approval.DecidedBy}): a decision is final.");
    }
}
