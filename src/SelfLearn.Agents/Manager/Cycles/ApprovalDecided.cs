using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// The meta-user decided the approval a cycle waits for: approved, the tested version is activated; declined, the cycle
/// changes nothing. (Issue #12's approvals will send it; until then only tests and the cycle's own seam do.)
/// </summary>
public sealed record ApprovalDecided(string ApprovalId, string CycleId, bool Approved, string By = "meta-user") : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.DecideApproval);
}

/// <summary>
/// The approval a waiting cycle asked for was decided: approved, the tested version is activated with the approval's
/// id in its links; declined, the cycle records that nothing changed. A decision for another approval, or for a cycle
/// that does not wait, records nothing.
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
        if (change.ApprovalId != message.ApprovalId)
        {
            log.LogInformation("Cycle {CycleId} waits for approval {Expected}, not {Given}.", cycle.CycleId, change.ApprovalId, message.ApprovalId);
            return [];
        }
        var chosen = cycle.Recommendations!.Single(r => r.RecommendationId == change.RecommendationId);
        object decided = message.Approved
            ? await CycleActivation.ActivateAsync(session, scopes, cycle, chosen, change.ConfigVersion!.Value, message.ApprovalId, "", ct)
            : new NoChange(cycle.CycleId, $"approval {message.ApprovalId} of {chosen.RecommendationId} was declined by {message.By}.");
        return await CycleStepWrites.RecordAsync(session, message, [decided], log, ct);
    }
}
