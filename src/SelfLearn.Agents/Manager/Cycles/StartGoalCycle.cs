using Marten;
using SelfLearn.Agents.Tuner;
using Wolverine;
using Wolverine.Attributes;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>Starts a cycle from a recorded, confirmed or active goal; <see cref="Continuous"/>: the goal's next cycle follows when it completes.</summary>
public sealed record StartGoalCycle(string CycleId, string GoalId, bool Continuous, string By);

public static class StartGoalCycleHandler
{
    [Transactional]
    public static async Task<(CycleOutcome, OutgoingMessages)> Handle(StartGoalCycle command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var outcome = await GoalCycleStarts.StartAsync(session, catalogCache, command.CycleId, command.GoalId, command.Continuous, null, command.By, ct);
        return (outcome, outcome.Status == CycleOutcomeStatus.Accepted ? [new PlanCycle(command.CycleId)] : []);
    }
}
