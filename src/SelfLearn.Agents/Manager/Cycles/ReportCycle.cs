using Marten;
using Microsoft.Extensions.Logging;
using SelfLearn.Agents.Manager.Autonomy;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Online;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Runtime.Handlers;

namespace SelfLearn.Agents.Manager.Cycles;

public sealed record ReportCycle(string CycleId) : ICycleStepMessage
{
    public CycleStep Step => new(CycleStepKind.Report);
}

/// <summary>
/// Report: what the cycle tested and changed, from its own events, with the hypothesis map of its goal's cycles (an inline
/// goal: the cycle's own) and the offline→online agreement so far; then the cycle is complete. For a recorded goal, in
/// the same transaction: <see cref="GoalAchieved"/> when the activated change reached every target
/// (<see cref="GoalAchievement"/>), and in continuous mode either the next cycle's message or the chain's end with its reason.
/// </summary>
public static class ReportCycleHandler
{
    public static void Configure(HandlerChain chain) => CycleStepWrites.RetryConflicts(chain);

    [Transactional]
    public static async Task<OutgoingMessages> Handle(
        ReportCycle message, IDocumentSession session, CatalogCache catalogCache, TimeProvider clock, ILogger<ReportCycle> log, CancellationToken ct)
    {
        var cycle = await CycleStepWrites.LoadAsync(session, message.CycleId, ct);
        if (!CycleStepWrites.MayStart(cycle, message, log))
            return [];
        var goal = await session.LoadAsync<Goal>(Goal.StreamKey(cycle!.GoalId), ct);
        IReadOnlyList<Cycle> goalCycles = goal is null ? [] : await GoalCycleStarts.GoalCyclesAsync(session, cycle.GoalId, ct);
        var observed = await session.Events.QueryRawEventDataOnly<OnlineOutcomeObserved>().ToListAsync(ct);
        var offlineOnline = observed.Count == 0 ? null : new OfflineOnline(observed.Count, Agreement.Of([.. observed.SelectMany(o => o.Metrics)]));
        List<object> events = [new CycleReported(cycle.CycleId, CycleReports.Of(cycle, goalCycles, offlineOnline)), new CycleCompleted(cycle.CycleId, cycle.Change?.Kind ?? CycleChange.None)];
        var goalEnds = await GoalStepsAsync(session, cycle, goal, goalCycles, catalogCache, clock, ct);
        if (goalEnds.ChainEnd is { } reason)
            events.Add(new CycleChainEnded(cycle.CycleId, cycle.GoalId, reason));
        var stream = await session.Events.FetchForWriting<Cycle>(Cycle.StreamKey(message.CycleId), ct);
        if (!RecordCycleStep.Decide(stream.Aggregate, message.Step, events).Accepted)
            return [];
        stream.AppendMany([.. events]);
        goalEnds.Append?.Invoke();
        return goalEnds.Continue ? [new ContinueGoalCycle(cycle.CycleId, cycle.GoalId)] : [];
    }

    private static async Task<(string? ChainEnd, bool Continue, Action? Append)> GoalStepsAsync(
        IDocumentSession session, Cycle cycle, Goal? goal, IReadOnlyList<Cycle> goalCycles, CatalogCache catalogCache, TimeProvider clock, CancellationToken ct)
    {
        if (goal is null)
            return (null, false, null);
        var achieved = goal.Status == GoalStatus.Active ? GoalAchievement.Check(goal.Formal, cycle) : null;
        Action? append = null;
        if (achieved is not null)
        {
            var goalStream = await session.Events.FetchForWriting<Goal>(Goal.StreamKey(cycle.GoalId), ct);
            var decision = AchieveGoal.Decide(goalStream.Aggregate!, cycle.CycleId, achieved, PlanCycleHandler.By);
            append = () => goalStream.AppendMany([.. decision.Events]);
        }
        if (!cycle.Continuous)
            return (null, false, append);
        var now = clock.GetUtcNow();
        var policy = await AutonomyReads.PolicyAsync(session, cycle.DeploymentId, await catalogCache.GetAsync(session, ct), ct);
        var used = await AutonomyReads.CountAsync(session, cycle.DeploymentId, AutonomyReads.Activated, policy.Activations.PeriodHours, now, ct);
        var end = ContinueGoal.EndReason(goal, cycle, achieved, goalCycles, now, used, policy.Activations);
        return (end, end is null, append);
    }
}
