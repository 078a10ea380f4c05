using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Manager.Goals.ConfirmGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>stated → confirmed: the meta-user agrees to the formal form shown.</summary>
public sealed record ConfirmGoal(string GoalId, string By, long? ExpectedVersion);

public static class ConfirmGoalHandler
{
    public static Task<TunerOutcome> Handle(ConfirmGoal command, IDocumentSession session, CancellationToken ct) =>
        GoalTransitions.WriteAsync(session, command.GoalId, command.ExpectedVersion, goal => Decider.Decide(goal, command.By), ct);
}
