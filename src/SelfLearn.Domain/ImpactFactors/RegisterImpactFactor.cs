using System.Text.Json;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.ImpactFactors;

/// <summary>A new factor is registered only with a coherent definition: bounds, a default inside them, runnable values.</summary>
public static class RegisterImpactFactor
{
    public static Decision Decide(
        string key,
        FactorType type,
        FactorBounds bounds,
        JsonElement defaultValue,
        string? unit,
        string description,
        FactorZone zone,
        string by,
        RunnableValues runnable)
    {
        var violations = FactorDefinitionRules.Check(key, type, bounds, defaultValue, runnable);
        return violations.Count > 0
            ? Decision.Reject(violations)
            : Decision.Accept(new FactorRegistered(key, type, bounds, defaultValue.Clone(), unit, description, zone, by));
    }
}
