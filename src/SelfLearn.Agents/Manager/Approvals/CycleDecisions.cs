using Marten;
using SelfLearn.Agents.Manager.Cycles;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Tuner;
using Wolverine;

namespace SelfLearn.Agents.Manager.Approvals;

/// <summary>
/// A decision on an approval a cycle asked for: refused when that cycle has ended; otherwise the cycle is told
/// (<see cref="ApprovalDecided"/>), published on the decision's own session so the message commits with the decision.
/// </summary>
internal static class CycleDecisions
{
    public static async Task<Decision> DecideAsync(
        IDocumentSession session, IMessageContext bus, Approval approval, Func<Approval, Decision> decide, CancellationToken ct)
    {
        var cycle = approval.CycleId is { } cycleId ? await session.LoadAsync<Cycle>(Cycle.StreamKey(cycleId), ct) : null;
        if (CycleApprovals.Undecidable(approval, cycle) is { } why)
            return Decision.Refuse(why);
        var decision = decide(approval);
        if (decision.Accepted && approval.CycleId is { } waiting)
            await bus.PublishAsync(new ApprovalDecided(approval.ApprovalId, waiting));
        return decision;
    }
}
