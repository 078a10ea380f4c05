using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Approvals;
using Wolverine;

namespace SelfLearn.Agents.Manager.Approvals;

/// <summary>pending → declined, by a meta-user, with a reason; the change it covered can never use it; a cycle waiting for it changes nothing (refused once that cycle has ended).</summary>
public sealed record DeclineApproval(string ApprovalId, string Reason, string By);

public static class DeclineApprovalHandler
{
    public static Task<TunerOutcome> Handle(DeclineApproval command, IDocumentSession session, IMessageContext bus, CancellationToken ct) =>
        StreamWrites.Write<Approval>(session, Approval.StreamKey(command.ApprovalId), null,
            stream => CycleDecisions.DecideAsync(session, bus, stream.Aggregate!, a => DecideApproval.Decline(a, command.Reason, command.By), ct),
            $"no approval '{command.ApprovalId}'.", ct);
}
