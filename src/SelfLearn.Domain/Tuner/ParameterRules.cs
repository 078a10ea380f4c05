using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Tuner;

/// <summary>
/// The Tuner's gate for a new parameter map: every value must fit its factor, and a value that differs from
/// the baseline must be in a zone that allows the change, and a value that names code must name code this build has.
/// Every violation is listed, not just the first.
/// </summary>
public static class ParameterRules
{
    public static IReadOnlyList<Violation> Check(
        IReadOnlyDictionary<string, ImpactFactor> catalog,
        IReadOnlyDictionary<string, JsonElement> baseline,
        IReadOnlyDictionary<string, JsonElement> proposed,
        string? approvalId,
        RunnableValues runnable)
    {
        var violations = new List<Violation>();
        foreach (var (key, value) in proposed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!catalog.TryGetValue(key, out var factor))
            {
                violations.Add(new Violation(key, ViolationRule.UnknownFactor, $"{key} is not in the impact-factor catalog."));
                continue;
            }

            violations.AddRange(FactorValueRules.Check(key, factor.Type, factor.Bounds, value));
            if (runnable.Check(key, value) is { } notRunnable)
                violations.Add(notRunnable);
            if (baseline.TryGetValue(key, out var current) && JsonElement.DeepEquals(current, value))
                continue;

            if (factor.Zone == FactorZone.Frozen)
                violations.Add(new Violation(key, ViolationRule.FrozenFactor, $"{key} is frozen: no version may change it."));
            else if (factor.Zone == FactorZone.Manual && string.IsNullOrWhiteSpace(approvalId))
                violations.Add(new Violation(key, ViolationRule.ApprovalRequired,
                    $"{key} is in the manual zone: changing it needs an approval reference (approvalId)."));
        }
        return violations;
    }
}
