using Marten;
using SelfLearn.Agents.Tuner;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using Wolverine;
using ConfirmGoalCommand = SelfLearn.Agents.Manager.Goals.ConfirmGoal;
using EditGoalCommand = SelfLearn.Agents.Manager.Goals.EditGoal;
using StateGoalCommand = SelfLearn.Agents.Manager.Goals.StateGoal;

namespace SelfLearn.Agents.Manager.Cycles;

/// <summary>
/// The command line's way from words (or a formal goal) to a running cycle: state the goal through the goal use case,
/// confirm it, start a cycle on it, then follow the cycle's read model until it ends or waits for a person.
/// </summary>
public sealed class GoalToCycle(IMessageBus bus, IDocumentStore store)
{
    /// <summary>States the goal (text or formal); a deployment given apart replaces the formalised one through an edit.</summary>
    public async Task<(TunerOutcome Outcome, Goal? Goal)> StateAsync(string? text, FormalGoalInput? formal, string? deployment, string by, CancellationToken ct)
    {
        var goalId = Guid.CreateVersion7().ToString();
        if (formal is not null && deployment is not null)
            formal = formal with { Deployment = deployment };
        var outcome = await bus.InvokeAsync<TunerOutcome>(new StateGoalCommand(goalId, text, formal, null, by), ct);
        if (outcome.Status != TunerStatus.Accepted)
            return (outcome, null);
        var goal = await LoadGoalAsync(goalId, ct);
        if (deployment is null || goal.Formal.Deployment == deployment)
            return (outcome, goal);
        var edited = await bus.InvokeAsync<TunerOutcome>(
            new EditGoalCommand(goalId, Input(goal.Formal) with { Deployment = deployment }, "deployment given on the command line", by, goal.Version), ct);
        return edited.Status != TunerStatus.Accepted ? (edited, goal) : (edited, await LoadGoalAsync(goalId, ct));
    }

    /// <summary>Confirms the goal as shown, then starts a cycle on it; the confirmation's refusal stops before the start.</summary>
    public async Task<(TunerOutcome Confirmed, CycleOutcome? Started)> ConfirmAndStartAsync(Goal goal, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var confirmed = await bus.InvokeAsync<TunerOutcome>(new ConfirmGoalCommand(goal.GoalId, by, goal.Version), ct);
        if (confirmed.Status != TunerStatus.Accepted)
            return (confirmed, null);
        return (confirmed, await bus.InvokeAsync<CycleOutcome>(Start(goal, by), ct));
    }

    /// <summary>The one place a cycle is started from a goal.</summary>
    private static StartCycle Start(Goal goal, string by) => new(StartCycle.NewCycleId(), goal.GoalId, goal.Formal, by);

    /// <summary>Reads the cycle every <paramref name="interval"/>, reporting each new state, until it has ended or waits for an approval.</summary>
    public async Task<Cycle> FollowAsync(string cycleId, Action<Cycle> progress, TimeSpan interval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        long seen = -1;
        while (true)
        {
            await using var session = store.QuerySession();
            var cycle = await session.LoadAsync<Cycle>(Cycle.StreamKey(cycleId), ct)
                ?? throw new InvalidOperationException($"no cycle '{cycleId}'.");
            if (cycle.Version != seen)
                progress(cycle);
            seen = cycle.Version;
            if (CycleStatus.IsFinished(cycle.Status) || cycle.Status == CycleStatus.AwaitingApproval)
                return cycle;
            await Task.Delay(interval, ct);
        }
    }

    private async Task<Goal> LoadGoalAsync(string goalId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Goal>(Goal.StreamKey(goalId), ct) ?? throw new InvalidOperationException($"goal '{goalId}' was not recorded.");
    }

    private static FormalGoalInput Input(FormalGoal goal) => new(
        goal.Deployment,
        [.. goal.Primary.Select(p => new GoalObjectiveInput(p.Metric, p.Direction, p.Target, p.Segment))],
        [.. goal.Guards.Select(g => new GoalGuardInput(g.Metric, g.Direction, g.MaxRelativeDegradation, g.MaxAbsoluteDegradation, g.Bound))],
        goal.AllowedFactors,
        new GoalBudgetInput(goal.Budget.Experiments, goal.Budget.SimulatedDialogs, goal.Budget.WallTimeMinutes),
        goal.Language);
}
