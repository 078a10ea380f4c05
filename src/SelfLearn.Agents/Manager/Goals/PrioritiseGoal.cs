using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Manager.Goals.PrioritiseGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>A new priority (1 first) for a goal that is not finished.</summary>
public sealed record PrioritiseGoal(string GoalId, int Priority, string By, long? ExpectedVersion);

public static class PrioritiseGoalHandler
{
    public static Task<TunerOutcome> Handle(PrioritiseGoal command, IDocumentSession session, CancellationToken ct) =>
        GoalTransitions.WriteAsync(session, command.GoalId, command.ExpectedVersion, goal => Decider.Decide(goal, command.Priority, command.By), ct);
}
