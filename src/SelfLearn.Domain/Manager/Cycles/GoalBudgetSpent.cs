using SelfLearn.Domain.Manager.Goals;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// What a goal's recorded cycles spent of its budget (the budget is the goal's, across all its cycles): the experiments
/// they planned and did not skip, the dialogs those experiments play (both variants, every scenario) and the minutes from each cycle's
/// start to its last recorded step (<paramref name="now"/> for one still running).
/// </summary>
public static class GoalBudgetSpent
{
    public static GoalBudget Of(IEnumerable<Cycle> cycles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        var list = cycles.ToList();
        var experiments = list.Sum(Ran);
        var dialogs = list.Sum(c => Ran(c) * c.ScenariosPerExperiment * 2);
        var minutes = list.Sum(c => ((CycleStatus.IsFinished(c.Status) ? c.Steps[^1].At : now) - c.StartedAt).TotalMinutes);
        return new GoalBudget(experiments, dialogs, (int)Math.Ceiling(minutes));
    }

    /// <summary>The cycle's experiments but those skipped for want of wall time (they played nothing).</summary>
    private static int Ran(Cycle cycle) => (cycle.Experiments ?? []).Count(x => x.Skipped is null);

    /// <summary>What is left of <paramref name="budget"/>, or why nothing is.</summary>
    public static (GoalBudget? Remaining, string? Spent) Remaining(GoalBudget budget, GoalBudget spent)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(spent);
        if (spent.Experiments >= budget.Experiments)
            return (null, $"the goal's budget is spent: {spent.Experiments} of {budget.Experiments} experiment(s).");
        if (spent.SimulatedDialogs >= budget.SimulatedDialogs)
            return (null, $"the goal's budget is spent: {spent.SimulatedDialogs} of {budget.SimulatedDialogs} simulated dialog(s).");
        if (spent.WallTimeMinutes >= budget.WallTimeMinutes)
            return (null, $"the goal's budget is spent: {spent.WallTimeMinutes} of {budget.WallTimeMinutes} minute(s).");
        return (new GoalBudget(budget.Experiments - spent.Experiments, budget.SimulatedDialogs - spent.SimulatedDialogs,
            budget.WallTimeMinutes - spent.WallTimeMinutes), null);
    }
}
