using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>The meta-user reorders goals between cycles (1 first); a finished goal keeps the priority it ended with.</summary>
public static class PrioritiseGoal
{
    public static Decision Decide(Goal goal, int priority, string by)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (GoalRules.Priority(priority) is { } invalid)
            return Decision.Reject([invalid]);
        if (priority == goal.Priority)
            return Decision.Reject([new Violation("priority", ViolationRule.NoChange, $"goal '{goal.GoalId}' already has priority {priority}.")]);
        return GoalStatus.Transition(goal, [GoalStatus.Stated, GoalStatus.Confirmed, GoalStatus.Active], "prioritised",
            new GoalPrioritised(goal.GoalId, goal.Priority, priority, by));
    }
}
