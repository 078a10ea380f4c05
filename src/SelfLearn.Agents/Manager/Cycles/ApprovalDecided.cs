using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Domain.Manager.Approvals;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// The approval a cycle waits for may have been decided: sent by the approve and decline handlers for an approval a
/// cycle asked for, and again when a cycle waiting for one is resumed (a decision made while it was paused).
/// </summary>
public sealed record ApprovalDecided(string ApprovalId, string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.DecideApproval);
}

/// <summary>
/// Reads the approval: approved, the tested version is activated with the approval's id in its links (the Tuner checks
/// it covers the change and records it used); declined, the cycle records that nothing changed, with the decline's
/// reason. Still pending, another approval, or a cycle that does not wait: nothing is recorded.
/// </summary>
public static class ApprovalDecidedHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(
        ApprovalDecided message, IDocumentSession session, IServiceScopeFactory scopes, ILogger<ApprovalDecided> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        var change = cycle!.Change!;
        var approval = await session.LoadAsync<Approval>(Approval.StreamKey(message.ApprovalId), ct);
        if (change.ApprovalId != message.ApprovalId || approval is null || approval.Status == ApprovalStatus.Pending)
        {
            log.LogInformation("Cycle {CycleId} waits for approval {Expected}; {Given} is {Status}.", cycle.CycleId, change.ApprovalId, message.ApprovalId,
                approval?.Status ?? "unknown");
            return [];
        }
        var chosen = cycle.Recommendations!.Single(r => r.RecommendationId == change.RecommendationId);
        object decided = approval.Status == ApprovalStatus.Declined
            ? new NoChange(cycle.CycleId, $"approval {approval.ApprovalId} of {chosen.RecommendationId} was declined by {approval.DecidedBy}: {approval.DecisionReason}")
            : await CycleActivation.ActivateAsync(session, scopes, cycle, chosen, change.ConfigVersion!.Value, approval.ApprovalId, "", ct);
        return await CycleStepWrites.RecordAsync(session, message, [decided], log, ct);
    }
}
