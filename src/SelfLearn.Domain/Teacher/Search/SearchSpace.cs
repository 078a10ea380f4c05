using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>
/// A search space is the factors the Tuner may change on its own (zone auto), each with its catalog type and a range
/// inside the catalog's bounds: min and max on the catalog's grid, a step that is a multiple of the catalog's, allowed
/// values among the catalog's. A frozen or manual factor cannot be searched: no result could be activated without a person.
/// </summary>
public static class SearchSpace
{
    public const int MaxFactors = 50;

    public static IEnumerable<Violation> Check(IReadOnlyList<SearchFactorRange>? space, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        if (space is not { Count: > 0 })
        {
            yield return ProposalRules.Invalid("space", "'space' names at least one factor to search.");
            yield break;
        }
        if (space.Count > MaxFactors)
        {
            yield return ProposalRules.Invalid("space", $"'space' names at most {MaxFactors} factors.");
            yield break;
        }
        for (var i = 0; i < space.Count; i++)
            foreach (var violation in Range(space[i], $"space[{i}]", catalog))
                yield return violation;
        foreach (var repeated in space.Where(r => r?.Key is not null).GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return ProposalRules.Invalid("space", $"factor '{ProposalRules.Short(repeated.Key)}' is searched more than once.");
    }

    private static IEnumerable<Violation> Range(SearchFactorRange? range, string at, IReadOnlyDictionary<string, ImpactFactor> catalog)
    {
        if (range?.Key is null || !catalog.TryGetValue(range.Key, out var factor))
        {
            yield return new Violation(at, ViolationRule.UnknownFactor, $"{ProposalRules.Short(range?.Key ?? "(no key)")} is not in the impact-factor catalog.");
            yield break;
        }
        var key = range.Key;
        if (factor.Zone != FactorZone.Auto)
        {
            yield return new Violation(key, factor.Zone == FactorZone.Frozen ? ViolationRule.FrozenFactor : ViolationRule.ApprovalRequired,
                $"{key} is in the {factor.Zone.ToString().ToLowerInvariant()} zone: a search explores only factors in the auto zone.");
            yield break;
        }
        if (range.Type != factor.Type)
        {
            yield return new Violation(key, ViolationRule.WrongType, $"{key} is {Name(factor.Type)} in the catalog, not {Name(range.Type)}.");
            yield break;
        }
        var violations = factor.Type switch
        {
            FactorType.Int or FactorType.Float => Numeric(key, range, factor.Bounds),
            FactorType.Enum => Allowed(key, range, factor.Bounds),
            FactorType.Bool => [],
            _ => [new Violation(key, ViolationRule.InvalidDefinition, $"{key} is free text: a search explores numbers, booleans and enums.")],
        };
        foreach (var violation in violations)
            yield return violation;
    }

    private static IEnumerable<Violation> Numeric(string key, SearchFactorRange range, FactorBounds bounds)
    {
        if (range.Min is not { } min || range.Max is not { } max)
        {
            yield return new Violation(key, ViolationRule.InvalidDefinition, $"{key}: a numeric range has a 'min' and a 'max'.");
            yield break;
        }
        if (min > max)
            yield return new Violation(key, ViolationRule.InvalidDefinition, $"{key}: the range's min {SearchRules.Show(min)} is above its max {SearchRules.Show(max)}.");
        foreach (var end in new[] { min, max }.Distinct())
            foreach (var violation in FactorValueRules.Check(key, range.Type, bounds, System.Text.Json.JsonSerializer.SerializeToElement(end)))
                yield return violation;
        if (range.Step is { } step && (step <= 0 || bounds.Step is > 0 and var catalogStep && step % catalogStep != 0))
            yield return new Violation(key, ViolationRule.OffStep,
                $"{key}: the range's step {SearchRules.Show(step)} is not a positive multiple of the catalog's step {SearchRules.Show(bounds.Step)}.");
        else if (range.Step is null && bounds.Step is > 0)
            yield return new Violation(key, ViolationRule.OffStep, $"{key}: the range keeps a step (the catalog's is {SearchRules.Show(bounds.Step)}).");
    }

    private static IEnumerable<Violation> Allowed(string key, SearchFactorRange range, FactorBounds bounds)
    {
        if (range.AllowedValues is not { Count: > 0 } values)
        {
            yield return new Violation(key, ViolationRule.InvalidDefinition, $"{key}: an enum range lists its allowed values.");
            yield break;
        }
        foreach (var value in values.Where(v => bounds.AllowedValues is { Count: > 0 } known && !known.Contains(v, StringComparer.Ordinal)))
            yield return new Violation(key, ViolationRule.NotAllowedValue,
                $"{key} = \"{ProposalRules.Short(value ?? "")}\" is not one of: {string.Join(", ", bounds.AllowedValues!)}.");
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            yield return new Violation(key, ViolationRule.InvalidDefinition, $"{key}: each allowed value is listed once.");
    }

    private static string Name(FactorType type) => type.ToString().ToLowerInvariant();
}
