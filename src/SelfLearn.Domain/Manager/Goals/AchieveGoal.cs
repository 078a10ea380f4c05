using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>An active goal whose targets are met ends as achieved; nothing follows it.</summary>
public static class AchieveGoal
{
    public static Decision Decide(Goal goal, string? cycleId, string? reason, string by) =>
        GoalStatus.Transition(goal, [GoalStatus.Active], "achieved", new GoalAchieved(goal.GoalId, cycleId, reason, by));
}
