using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Tuner;

/// <summary>Checks that a factor definition (new or with changed bounds) is coherent, default included.</summary>
public static partial class FactorDefinitionRules
{
    public static IReadOnlyList<Violation> Check(string key, FactorType type, FactorBounds bounds, JsonElement defaultValue)
    {
        var violations = new List<Violation>();
        if (!KeyPattern().IsMatch(key))
            violations.Add(Invalid(key, "a factor key is lower-case dotted words, e.g. retrieval.top_k (at least one dot, at most 100 characters)."));
        if (bounds.Min > bounds.Max)
            violations.Add(Invalid(key, $"min {bounds.Min} is greater than max {bounds.Max}."));
        if (bounds.Step is <= 0)
            violations.Add(Invalid(key, "step must be positive."));
        if (type is FactorType.Int or FactorType.Float && bounds.AllowedValues is { Count: > 0 })
            violations.Add(Invalid(key, "numeric factors take min/max/step, not allowed values."));
        if (type is FactorType.Bool or FactorType.Enum or FactorType.Text && (bounds.Min ?? bounds.Max ?? bounds.Step) is not null)
            violations.Add(Invalid(key, $"{type.ToString().ToLowerInvariant()} factors take no min/max/step."));
        if (type == FactorType.Enum && bounds.AllowedValues is not { Count: > 0 })
            violations.Add(Invalid(key, "enum factors need allowed values."));
        if (violations.Count == 0)
            violations.AddRange(FactorValueRules.Check(key, type, bounds, defaultValue)
                .Select(v => v with { Message = "default: " + v.Message }));
        return violations;
    }

    private static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);

    [System.Text.RegularExpressions.GeneratedRegex("^(?=.{3,100}$)[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}
