using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>The meta-user accepts the formal form as shown; only then may a cycle work on the goal.</summary>
public static class ConfirmGoal
{
    public static Decision Decide(Goal goal, string by) =>
        GoalStatus.Transition(goal, [GoalStatus.Stated], "confirmed", new GoalConfirmed(goal.GoalId, by));
}
