using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Approvals;

namespace SelfLearn.Agents.Manager.Approvals;

/// <summary>pending → approved, by a meta-user, with a reason.</summary>
public sealed record ApproveApproval(string ApprovalId, string Reason, string By);

public static class ApproveApprovalHandler
{
    public static Task<TunerOutcome> Handle(ApproveApproval command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Approval>(session, Approval.StreamKey(command.ApprovalId), null,
            stream => Task.FromResult(DecideApproval.Approve(stream.Aggregate!, command.Reason, command.By)), $"no approval '{command.ApprovalId}'.", ct);
}
