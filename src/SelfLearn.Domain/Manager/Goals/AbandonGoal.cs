using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>Any goal not yet finished may be given up, with a reason; nothing follows it.</summary>
public static class AbandonGoal
{
    public static Decision Decide(Goal goal, string reason, string by) =>
        GoalStatus.Transition(goal, [GoalStatus.Stated, GoalStatus.Confirmed, GoalStatus.Active], "abandoned", new GoalAbandoned(goal.GoalId, reason, by));
}
