using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Manager.Cycles;
using Wolverine;
using Wolverine.Attributes;
using Decider = SelfLearn.Domain.Manager.Cycles.StartCycle;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>Starts a cycle for a confirmed goal: the cycle's stream and its first step's message, in one transaction.</summary>
public sealed record StartCycle(string CycleId, string GoalId, FormalGoal Goal, string By)
{
    /// <summary>Time-ordered: "cyc-" and a version-7 GUID.</summary>
    public static string NewCycleId() => $"cyc-{Guid.CreateVersion7():N}";
}

public static class StartCycleHandler
{
    [Transactional]
    public static async Task<(CycleOutcome, OutgoingMessages)> Handle(StartCycle command, IDocumentSession session, CatalogCache catalogCache, CancellationToken ct)
    {
        var catalog = await catalogCache.GetAsync(session, ct);
        var deployment = command.Goal?.Deployment is { Length: > 0 } id ? await session.LoadAsync<Deployment>(id, ct) : null;
        var (started, problems) = Decider.Decide(command.CycleId, command.GoalId, command.Goal!, deployment?.ActiveVersion, catalog, command.By);
        if (started is null)
            return (CycleOutcome.Rejected(command.CycleId, problems), []);
        if (await session.Events.FetchStreamStateAsync(Cycle.StreamKey(command.CycleId), ct) is not null)
            return (new CycleOutcome(CycleOutcomeStatus.Conflict, command.CycleId, [$"cycle '{command.CycleId}' exists already."]), []);
        session.Events.StartStream<Cycle>(Cycle.StreamKey(command.CycleId), started);
        return (new CycleOutcome(CycleOutcomeStatus.Accepted, command.CycleId, []), [new PlanCycle(command.CycleId)]);
    }
}
