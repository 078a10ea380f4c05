using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Tuner;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// Sent by a continuous cycle's report, in the report's transaction, on the durable cycles queue: the goal's next cycle
/// starts, linked to <see cref="PreviousCycleId"/>. A redelivered message finds the next cycle started and does nothing.
/// </summary>
public sealed record ContinueGoalCycle(string PreviousCycleId, string GoalId);

public static class ContinueGoalCycleHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(ContinueGoalCycle message, IDocumentSession session, CatalogCache catalogCache, ILogger<ContinueGoalCycle> log, CancellationToken ct)
    {
        if (await session.Query<Domain.Manager.Cycles.Cycle>().AnyAsync(c => c.PreviousCycleId == message.PreviousCycleId, ct))
            return [];
        var id = StartCycle.NewCycleId();
        var outcome = await GoalCycleStarts.StartAsync(session, catalogCache, id, message.GoalId, true, message.PreviousCycleId, PlanCycleHandler.By, ct);
        if (outcome.Status == CycleOutcomeStatus.Accepted)
            return [new PlanCycle(id)];
        log.LogInformation("Goal {GoalId}: no cycle after {CycleId}: {Why}", message.GoalId, message.PreviousCycleId, string.Join(" ", outcome.Problems));
        return [];
    }
}
