using System.Text.Json;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.ImpactFactors;

/// <summary>New bounds (and optionally a new default that fits them) for a factor that is not frozen; versions already created keep their values.</summary>
public static class ChangeImpactFactorBounds
{
    public static Decision Decide(
        ImpactFactor factor,
        FactorBounds bounds,
        JsonElement? newDefault,
        string reason,
        string by,
        RunnableValues runnable)
    {
        var defaultValue = newDefault ?? factor.Default;
        var violations = FactorDefinitionRules.Check(factor.Key, factor.Type, bounds, defaultValue, runnable);
        if (violations.Count > 0)
            return Decision.Reject(violations);
        if (factor.Zone == FactorZone.Frozen)
            return Decision.Reject([new Violation(factor.Key, ViolationRule.FrozenFactor, $"{factor.Key} is frozen: unfreeze it (change its zone) first.")]);
        return Decision.Accept(new FactorBoundsChanged(factor.Key, bounds, defaultValue.Clone(), reason, by));
    }
}
