using SelfLearn.Domain.Manager.Autonomy;
using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// When a continuous cycle completes: the goal's chain ends (with the reason) if the goal is achieved or no longer active,
/// the cycle found nothing left to test, the goal's budget is spent by its recorded cycles, or the deployment's autonomy
/// policy allows no more activations in its period (the next cycle could change nothing without a person); otherwise
/// the next cycle starts. A stopped or failed cycle never reaches its report, so stopping a cycle stops the chain.
/// </summary>
public static class ContinueGoal
{
    /// <summary>Null when the chain goes on; else why it ends. <paramref name="goalCycles"/>: every cycle of the goal, this one included.</summary>
    /// <param name="activationsInPeriod">The deployment's activations in the policy's period before <paramref name="now"/>.</param>
    /// <param name="activations">The autonomy policy's activation limit; null: not checked.</param>
    public static string? EndReason(
        Goal goal, Cycle completing, string? achieved, IEnumerable<Cycle> goalCycles, DateTimeOffset now, int activationsInPeriod = 0, PeriodLimit? activations = null)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(completing);
        if (achieved is not null)
            return $"the goal is achieved: {achieved}";
        if (goal.Status != GoalStatus.Active)
            return $"the goal is {goal.Status}.";
        if (completing.Experiments is not { Count: > 0 })
            return "nothing is left to test: this cycle planned no experiment.";
        if (GoalBudgetSpent.Remaining(goal.Formal.Budget, GoalBudgetSpent.Of(goalCycles, now)).Spent is { } spent)
            return spent;
        return activations is not null && activationsInPeriod >= activations.Max
            ? $"the autonomy policy's activations are used up: {activationsInPeriod} of {activations.Max} in {activations.PeriodHours} h; the goal stays active, start its next cycle when the period allows another."
            : null;
    }
}
