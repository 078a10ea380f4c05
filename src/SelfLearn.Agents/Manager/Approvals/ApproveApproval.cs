using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Approvals;
using Wolverine;

namespace SelfLearn.Agents.Manager.Approvals;

/// <summary>pending → approved, by a meta-user, with a reason; a cycle waiting for it goes on (refused once that cycle has ended).</summary>
public sealed record ApproveApproval(string ApprovalId, string Reason, string By);

public static class ApproveApprovalHandler
{
    public static Task<TunerOutcome> Handle(ApproveApproval command, IDocumentSession session, IMessageContext bus, CancellationToken ct) =>
        StreamWrites.Write<Approval>(session, Approval.StreamKey(command.ApprovalId), null,
            stream => CycleDecisions.DecideAsync(session, bus, stream.Aggregate!, a => DecideApproval.Approve(a, command.Reason, command.By), ct),
            $"no approval '{command.ApprovalId}'.", ct);
}
