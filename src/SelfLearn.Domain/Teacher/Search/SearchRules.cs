using System.Globalization;
using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Teacher.Search;

/// <summary>Checks the search deciders share: metric names, finite figures, a value inside a searched range.</summary>
public static class SearchRules
{
    public static IReadOnlyList<string> Strategies { get; } = ["grid", "random", "model"];

    /// <summary>The <see cref="SearchStarted.Folds"/> value of a search without cross-validation: its trials carry no fold.</summary>
    public const int NoCrossValidation = 1;

    public const int MaxConstraints = 20;

    public static IEnumerable<Violation> Metric(string? metric, string key)
    {
        if (string.IsNullOrWhiteSpace(metric))
            yield return ProposalRules.Invalid(key, $"'{key}' names a metric of docs/METRICS.md.");
        else if (!MetricRegistry.IsKnown(metric))
            yield return ProposalRules.UnknownMetric(key, metric);
    }

    public static IEnumerable<Violation> Finite(double value, string key)
    {
        if (!double.IsFinite(value))
            yield return ProposalRules.Invalid(key, $"'{key}' is a finite number.");
    }

    public static IEnumerable<Violation> Metrics(IReadOnlyDictionary<string, double>? metrics, string key)
    {
        if (metrics is null)
            yield break;
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Take(MetricRegistry.All.Count + 1))
        {
            if (!MetricRegistry.IsKnown(name))
                yield return ProposalRules.UnknownMetric($"{key}.{ProposalRules.Short(name)}", name);
            else if (!double.IsFinite(value))
                yield return ProposalRules.Invalid($"{key}.{name}", $"metric '{name}' is a finite number.");
        }
    }

    /// <summary>Every value names a searched factor and lies inside its searched range (type, min, max, step, allowed values).</summary>
    public static IEnumerable<Violation> InsideSpace(IReadOnlyDictionary<string, JsonElement>? parameters, IReadOnlyList<SearchFactorRange> space, string key)
    {
        if (parameters is null)
        {
            yield return ProposalRules.Invalid(key, $"'{key}' maps each searched factor to its value.");
            yield break;
        }
        var ranges = space.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var (factor, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!ranges.TryGetValue(factor, out var range))
            {
                yield return new Violation($"{key}.{ProposalRules.Short(factor)}", ViolationRule.UnknownFactor,
                    $"{ProposalRules.Short(factor)} is not a searched factor of this search.");
                continue;
            }
            foreach (var violation in FactorValueRules.Check(factor, range.Type, Bounds(range), value))
                yield return violation with { Key = $"{key}.{factor}" };
        }
    }

    public static FactorBounds Bounds(SearchFactorRange range) => new(range.Min, range.Max, range.Step, range.AllowedValues);

    public static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
