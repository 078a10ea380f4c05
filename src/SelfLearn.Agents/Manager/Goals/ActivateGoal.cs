using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Manager.Goals.ActivateGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>confirmed → active: the cycle that takes the goal up sends this (no route of its own).</summary>
public sealed record ActivateGoal(string GoalId, string? CycleId, string By, long? ExpectedVersion = null);

public static class ActivateGoalHandler
{
    public static Task<TunerOutcome> Handle(ActivateGoal command, IDocumentSession session, CancellationToken ct) =>
        GoalTransitions.WriteAsync(session, command.GoalId, command.ExpectedVersion, goal => Decider.Decide(goal, command.CycleId, command.By), ct);
}
