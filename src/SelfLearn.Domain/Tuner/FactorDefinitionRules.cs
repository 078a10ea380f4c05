using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Tuner;

/// <summary>Checks that a factor definition (new or with changed bounds) is coherent, default included.</summary>
public static partial class FactorDefinitionRules
{
    public static IReadOnlyList<Violation> Check(string key, FactorType type, FactorBounds bounds, JsonElement defaultValue, RunnableValues runnable)
    {
        var violations = new List<Violation>();
        decimal?[] numbers = [bounds.Min, bounds.Max, bounds.Step];
        if (!KeyPattern().IsMatch(key))
            violations.Add(Invalid(key, "a factor key is lower-case dotted words, e.g. retrieval.top_k (at least one dot, at most 100 characters)."));
        if (numbers.Any(n => n is { } d && Math.Abs(d) > FactorLimits.MaxMagnitude))
            violations.Add(Invalid(key, $"min, max and step lie within ±{FactorLimits.MaxMagnitude.ToString("N0", CultureInfo.InvariantCulture)}."));
        else if (bounds.Min > bounds.Max)
            violations.Add(Invalid(key, $"min {bounds.Min} is greater than max {bounds.Max}."));
        if (bounds.Step is <= 0)
            violations.Add(Invalid(key, "step must be positive."));
        if (type == FactorType.Int && numbers.Any(n => n is { } d && d != decimal.Truncate(d)))
            violations.Add(Invalid(key, "int factors take whole-number min, max and step."));
        if (type is FactorType.Int or FactorType.Float && bounds.AllowedValues is { Count: > 0 })
            violations.Add(Invalid(key, "numeric factors take min/max/step, not allowed values."));
        if (type is FactorType.Bool or FactorType.Enum or FactorType.Text && (bounds.Min ?? bounds.Max ?? bounds.Step) is not null)
            violations.Add(Invalid(key, $"{type.ToString().ToLowerInvariant()} factors take no min/max/step."));
        if (type == FactorType.Enum && bounds.AllowedValues is not { Count: > 0 })
            violations.Add(Invalid(key, "enum factors need allowed values."));
        violations.AddRange(AllowedValues(key, bounds.AllowedValues, runnable));
        if (violations.Count == 0)
            violations.AddRange(FactorValueRules.Check(key, type, bounds, defaultValue).Append(runnable.Check(key, defaultValue)).OfType<Violation>()
                .Select(v => v with { Message = "default: " + v.Message }));
        return violations;
    }

    private static IEnumerable<Violation> AllowedValues(string key, IReadOnlyList<string>? allowed, RunnableValues runnable)
    {
        if (allowed is null)
            yield break;
        if (allowed.Count > FactorLimits.MaxAllowedValues)
        {
            yield return Invalid(key, $"a factor has at most {FactorLimits.MaxAllowedValues} allowed values.");
            yield break;
        }
        if (allowed.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > FactorLimits.MaxAllowedValueLength))
            yield return Invalid(key, $"allowed values are 1 to {FactorLimits.MaxAllowedValueLength} characters.");
        foreach (var value in allowed.Where(v => !string.IsNullOrWhiteSpace(v)))
            if (runnable.Check(key, value, $"allowed value \"{value}\"") is { } notRunnable)
                yield return notRunnable;
    }

    private static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);

    [System.Text.RegularExpressions.GeneratedRegex("^(?=.{3,100}$)[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}
