using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>
/// A stated or confirmed goal takes a new formal form and is stated again: what was confirmed is no longer what
/// will run, so it needs a new confirmation. An active or finished goal is not edited.
/// </summary>
public static class EditGoal
{
    public static Decision Decide(
        Goal goal, FormalGoal formal, string? reason, string by, IReadOnlyDictionary<string, ImpactFactor> catalog, Func<string, bool> deploymentExists)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var violations = GoalRules.Check(formal, catalog, deploymentExists);
        if (violations.Count > 0)
            return Decision.Reject(violations);
        return GoalStatus.Transition(goal, [GoalStatus.Stated, GoalStatus.Confirmed], "edited", new GoalEdited(goal.GoalId, formal, reason, by));
    }
}
