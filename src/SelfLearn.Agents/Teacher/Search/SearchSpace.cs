using System.Globalization;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// The factors a search may change: by default every factor of the auto zone that the evaluator reads, inside its catalog
/// bounds; <c>--space</c> specs name the keys instead (<c>key1,key2</c>) and may narrow a number (<c>key=min:max</c>, kept
/// on the catalog's step grid). Dimensions are in key order (ordinal), so a seed draws the same points every time.
/// </summary>
public sealed record SearchSpace(IReadOnlyList<SearchDimension> Dimensions)
{
    /// <exception cref="SearchRefusedException">An unknown key, a factor outside the auto zone, a range outside the catalog's bounds.</exception>
    public static SearchSpace Build(IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyList<string> specs, IReadOnlyCollection<string> evaluated)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(evaluated);
        var named = new SortedDictionary<string, (decimal Min, decimal Max)?>(StringComparer.Ordinal);
        foreach (var part in specs.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var (key, range) = Part(part);
            if (!named.TryAdd(key, range))
                throw new SearchRefusedException($"--space names {key} twice.");
        }

        var dimensions = named.Count == 0
            ? catalog.Values.Where(f => f.Zone == FactorZone.Auto && f.Type != FactorType.Text && evaluated.Contains(f.Key))
                .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => Dimension(f, null)).ToList()
            : [.. named.Select(n => Dimension(Factor(catalog, n.Key), n.Value))];
        if (dimensions.Count == 0)
            throw new SearchRefusedException("the search space is empty: no factor of the auto zone is read by the evaluator.");
        return new SearchSpace(dimensions);
    }

    private static (string Key, (decimal, decimal)? Range) Part(string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
            return (part, null);
        var key = part[..equals].Trim();
        var bounds = part[(equals + 1)..].Split(':');
        if (bounds.Length != 2 || !TryNumber(bounds[0], out var min) || !TryNumber(bounds[1], out var max))
            throw new SearchRefusedException($"--space '{part}' is not 'key=min:max' with two numbers.");
        if (min > max)
            throw new SearchRefusedException($"--space {key}={bounds[0]}:{bounds[1]}: min is greater than max.");
        return (key, (min, max));
    }

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static ImpactFactor Factor(IReadOnlyDictionary<string, ImpactFactor> catalog, string key)
    {
        if (!catalog.TryGetValue(key, out var factor))
            throw new SearchRefusedException($"unknown factor '{key}' in --space; close factor keys: {string.Join(", ", CloseNames.To(key, catalog.Keys.Order(StringComparer.Ordinal)))}.");
        if (factor.Zone != FactorZone.Auto)
            throw new SearchRefusedException(
                $"{key} is in the {factor.Zone.ToString().ToLowerInvariant()} zone: a search may only change factors of the auto zone.");
        if (factor.Type == FactorType.Text)
            throw new SearchRefusedException($"{key} is free text: it has no values to search.");
        return factor;
    }

    private static SearchDimension Dimension(ImpactFactor factor, (decimal Min, decimal Max)? range)
    {
        var key = factor.Key;
        if (factor.Type is FactorType.Bool or FactorType.Enum)
        {
            if (range is not null)
                throw new SearchRefusedException($"{key} is {factor.Type.ToString().ToLowerInvariant()}: --space takes no range for it, only its key.");
            IReadOnlyList<string> choices = factor.Type == FactorType.Bool ? ["false", "true"] : factor.Bounds.AllowedValues ?? [];
            return new SearchDimension(key, factor.Type, 0, null, 0, 0, choices);
        }

        if (factor.Bounds is not { Min: { } low, Max: { } high })
            throw new SearchRefusedException($"{key} has no min and max in the catalog: it cannot be searched.");
        var step = factor.Bounds.Step ?? (factor.Type == FactorType.Int ? 1 : null);
        var (min, max) = range ?? (low, high);
        if (min < low || max > high)
            throw new SearchRefusedException($"--space {key}={Show(min)}:{Show(max)} lies outside the catalog's bounds [{Show(low)}, {Show(high)}].");
        if (step is { } s)
        {
            // Narrowed bounds move inward to the catalog's grid (steps from its min).
            var first = low + decimal.Ceiling((min - low) / s) * s;
            var last = low + decimal.Floor((max - low) / s) * s;
            if (first > last)
                throw new SearchRefusedException($"--space {key}={Show(min)}:{Show(max)} holds no value on the catalog's step {Show(s)} from {Show(low)}.");
            (min, max) = (first, last);
        }
        return new SearchDimension(key, factor.Type, low, step, min, max, null);
    }

    private static string Show(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
