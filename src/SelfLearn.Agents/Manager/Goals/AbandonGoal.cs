using Marten;
using SelfLearn.Agents.Tuner;
using Decider = SelfLearn.Domain.Manager.Goals.AbandonGoal;

namespace SelfLearn.Agents.Manager.Goals;

/// <summary>stated | confirmed | active → abandoned, with a reason.</summary>
public sealed record AbandonGoal(string GoalId, string Reason, string By, long? ExpectedVersion);

public static class AbandonGoalHandler
{
    public static Task<TunerOutcome> Handle(AbandonGoal command, IDocumentSession session, CancellationToken ct) =>
        GoalTransitions.WriteAsync(session, command.GoalId, command.ExpectedVersion, goal => Decider.Decide(goal, command.Reason, command.By), ct);
}
