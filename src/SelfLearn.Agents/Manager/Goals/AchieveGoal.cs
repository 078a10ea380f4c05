using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Manager.Goals.AchieveGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>active → achieved: the cycle that met the goal's targets sends this (no route of its own).</summary>
public sealed record AchieveGoal(string GoalId, string? CycleId, string? Reason, string By, long? ExpectedVersion = null);

public static class AchieveGoalHandler
{
    public static Task<TunerOutcome> Handle(AchieveGoal command, IDocumentSession session, CancellationToken ct) =>
        GoalTransitions.WriteAsync(session, command.GoalId, command.ExpectedVersion,
            goal => Decider.Decide(goal, command.CycleId, command.Reason, command.By), ct);
}
