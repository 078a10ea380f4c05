using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Domain.Tuner;

/// <summary>Checks one value against its factor's type, range, step and allowed values.</summary>
public static class FactorValueRules
{
    public static IEnumerable<Violation> Check(string key, FactorType type, FactorBounds bounds, JsonElement value)
    {
        switch (type)
        {
            case FactorType.Int:
            case FactorType.Float:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    yield return WrongType(key, type == FactorType.Int ? "an integer" : "a number", value);
                    yield break;
                }
                if (!value.TryGetDecimal(out var number) || Math.Abs(number) > FactorLimits.MaxMagnitude)
                {
                    yield return new Violation(key, ViolationRule.OutOfRange,
                        $"{key} = {Show(value)} is beyond ±{FactorLimits.MaxMagnitude.ToString("N0", CultureInfo.InvariantCulture)}.");
                    yield break;
                }
                if (type == FactorType.Int && number != decimal.Truncate(number))
                {
                    yield return WrongType(key, "an integer", value);
                    yield break;
                }
                foreach (var v in CheckNumber(key, bounds, number)) yield return v;
                break;
            case FactorType.Bool:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    yield return WrongType(key, "true or false", value);
                break;
            case FactorType.Enum:
            case FactorType.Text:
                if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                {
                    yield return WrongType(key, "a non-empty string", value);
                    yield break;
                }
                var text = value.GetString()!;
                if (bounds.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                    yield return new Violation(key, ViolationRule.NotAllowedValue,
                        $"{key} = \"{text}\" is not one of: {string.Join(", ", allowed)}.");
                break;
        }
    }

    private static IEnumerable<Violation> CheckNumber(string key, FactorBounds bounds, decimal value)
    {
        if (value < bounds.Min || value > bounds.Max)
            yield return new Violation(key, ViolationRule.OutOfRange,
                $"{key} = {Format(value)} is outside [{Format(bounds.Min)}, {Format(bounds.Max)}].");
        else if (bounds.Step is > 0 and var step && (value - (bounds.Min ?? 0)) % step != 0)
            yield return new Violation(key, ViolationRule.OffStep,
                $"{key} = {Format(value)} is not on the step {Format(step)} from {Format(bounds.Min ?? 0)}.");
    }

    private static Violation WrongType(string key, string expected, JsonElement value) =>
        new(key, ViolationRule.WrongType, $"{key} must be {expected}, got {value.ValueKind.ToString().ToLowerInvariant()} {Show(value)}.");

    /// <summary>The value as sent, cut short: a message must not grow with a hostile input.</summary>
    private static string Show(JsonElement value) =>
        value.GetRawText() is { Length: > 40 } raw ? raw[..40] + "…" : value.GetRawText();

    private static string Format(decimal? value) =>
        value?.ToString(CultureInfo.InvariantCulture) ?? "-∞";
}
