using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// A cycle starts from a recorded goal that is confirmed (its first cycle: the goal becomes active, <see cref="GoalActivated"/>)
/// or already active (a later cycle), with what is left of the goal's budget after its earlier cycles. The formal goal
/// and its language come from the goal as confirmed. A stated, achieved or abandoned goal is refused (a conflict).
/// </summary>
public static class StartGoalCycle
{
    public static (FormalGoal? Goal, Decision Decision) Decide(Goal goal, GoalBudget spent, string cycleId, string by)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (goal.Status is not (GoalStatus.Confirmed or GoalStatus.Active))
            return (null, Decision.Refuse($"goal '{goal.GoalId}' is {goal.Status}; a cycle starts only from a confirmed or active goal. Nothing was appended."));
        var (remaining, why) = GoalBudgetSpent.Remaining(goal.Formal.Budget, spent);
        if (remaining is null)
            return (null, Decision.Refuse($"goal '{goal.GoalId}': {why} Nothing was appended."));
        var formal = goal.Formal with { Budget = remaining, Language = goal.Language };
        return goal.Status == GoalStatus.Confirmed
            ? (formal, ActivateGoal.Decide(goal, cycleId, by))
            : (formal, Decision.Accept());
    }
}
