using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>A cycle takes up a confirmed goal; a goal that is only stated has not been agreed to yet.</summary>
public static class ActivateGoal
{
    public static Decision Decide(Goal goal, string? cycleId, string by) =>
        GoalStatus.Transition(goal, [GoalStatus.Confirmed], "activated", new GoalActivated(goal.GoalId, cycleId, by));
}
