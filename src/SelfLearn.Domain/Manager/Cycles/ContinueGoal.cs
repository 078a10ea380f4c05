using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// When a continuous cycle completes: the goal's chain ends (with the reason) if the goal is achieved or no longer active,
/// the cycle found nothing left to test, or the goal's budget is spent by its recorded cycles; otherwise the next cycle
/// starts. A stopped or failed cycle never reaches its report, so stopping a cycle stops the chain.
/// </summary>
public static class ContinueGoal
{
    /// <summary>Null when the chain goes on; else why it ends. <paramref name="goalCycles"/>: every cycle of the goal, this one included.</summary>
    public static string? EndReason(Goal goal, Cycle completing, string? achieved, IEnumerable<Cycle> goalCycles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(completing);
        if (achieved is not null)
            return $"the goal is achieved: {achieved}";
        if (goal.Status != GoalStatus.Active)
            return $"the goal is {goal.Status}.";
        if (completing.Experiments is not { Count: > 0 })
            return "nothing is left to test: this cycle planned no experiment.";
        return GoalBudgetSpent.Remaining(goal.Formal.Budget, GoalBudgetSpent.Of(goalCycles, now)).Spent;
    }
}
