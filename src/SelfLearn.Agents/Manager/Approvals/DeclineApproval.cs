using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Approvals;

namespace SelfLearn.Agents.Manager.Approvals;

/// <summary>pending → declined, by a meta-user, with a reason; the change it covered can never use it.</summary>
public sealed record DeclineApproval(string ApprovalId, string Reason, string By);

public static class DeclineApprovalHandler
{
    public static Task<TunerOutcome> Handle(DeclineApproval command, IDocumentSession session, CancellationToken ct) =>
        StreamWrites.Write<Approval>(session, Approval.StreamKey(command.ApprovalId), null,
            stream => Task.FromResult(DecideApproval.Decline(stream.Aggregate!, command.Reason, command.By)), $"no approval '{command.ApprovalId}'.", ct);
}
