using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Manager.Goals;

/// <summary>A new goal starts as stated, with its formal form shown back; it needs a confirmation before a cycle may use it.</summary>
public static class StateGoal
{
    public static Decision Decide(
        GoalStated stated, bool exists, IReadOnlyDictionary<string, ImpactFactor> catalog, Func<string, bool> deploymentExists)
    {
        ArgumentNullException.ThrowIfNull(stated);
        var violations = new List<Violation>();
        if (!OpenDeployment.IdPattern().IsMatch(stated.GoalId))
            violations.Add(new Violation("id", ViolationRule.InvalidDefinition,
                "a goal id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit."));
        if (GoalRules.Priority(stated.Priority) is { } priority)
            violations.Add(priority);
        violations.AddRange(GoalRules.Check(stated.Formal, catalog, deploymentExists));
        if (violations.Count > 0)
            return Decision.Reject(violations);
        return exists ? Decision.Refuse($"goal '{stated.GoalId}' already exists.") : Decision.Accept(stated);
    }
}
