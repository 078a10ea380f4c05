using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using Decider = SelfLearn.Domain.Manager.Cycles.StartGoalCycle;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// Starts a cycle from a recorded goal: the goal's stream is fetched for writing, so <see cref="GoalActivated"/> (its
/// first cycle) and <see cref="CycleStarted"/> are appended in one transaction, or neither. The caller's transactional
/// middleware commits them with the plan message.
/// </summary>
internal static class GoalCycleStarts
{
    public static async Task<CycleOutcome> StartAsync(
        IDocumentSession session, CatalogCache catalogCache, string cycleId, string goalId, bool continuous, string? previousCycleId, string by, CancellationToken ct)
    {
        var goalStream = await session.Events.FetchForWriting<Goal>(Goal.StreamKey(goalId), ct);
        if (goalStream.Aggregate is not { } goal)
            return new CycleOutcome(CycleOutcomeStatus.NotFound, cycleId, [$"no goal '{goalId}'."]);
        var spent = GoalBudgetSpent.Of(await GoalCyclesAsync(session, goalId, ct), TimeProvider.System.GetUtcNow());
        var (formal, decision) = Decider.Decide(goal, spent, cycleId, by);
        if (formal is null)
            return new CycleOutcome(CycleOutcomeStatus.Conflict, cycleId, [decision.Conflict!]);
        var catalog = await catalogCache.GetAsync(session, ct);
        var deployment = await session.LoadAsync<Deployment>(formal.Deployment, ct);
        var (started, problems) = Domain.Manager.Cycles.StartCycle.Decide(cycleId, goalId, formal, deployment?.ActiveVersion, catalog, by);
        if (started is null)
            return CycleOutcome.Rejected(cycleId, problems);
        if (await session.Events.FetchStreamStateAsync(Cycle.StreamKey(cycleId), ct) is not null)
            return new CycleOutcome(CycleOutcomeStatus.Conflict, cycleId, [$"cycle '{cycleId}' exists already."]);
        goalStream.AppendMany([.. decision.Events]);
        session.Events.StartStream<Cycle>(Cycle.StreamKey(cycleId), started with { Continuous = continuous, PreviousCycleId = previousCycleId });
        return new CycleOutcome(CycleOutcomeStatus.Accepted, cycleId, []);
    }

    public static async Task<IReadOnlyList<Cycle>> GoalCyclesAsync(IQuerySession session, string goalId, CancellationToken ct) =>
        await session.Query<Cycle>().Where(c => c.GoalId == goalId).ToListAsync(ct);
}
