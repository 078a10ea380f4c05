using System.Globalization;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// Resolves the metric a search optimises or constrains: a registry name (docs/METRICS.md), or its short form without the
/// family prefix (<c>recall@10</c> for <c>retrieval.recall@10</c>) when that names exactly one metric; the metric must be
/// one the evaluator computes offline.
/// </summary>
public static class OfflineMetricNames
{
    /// <exception cref="SearchRefusedException">Unknown, ambiguous or not computed offline; the message lists close names.</exception>
    public static MetricDefinition Resolve(string name, IReadOnlyList<string> offline, string role)
    {
        ArgumentNullException.ThrowIfNull(offline);
        if (string.IsNullOrWhiteSpace(name))
            throw new SearchRefusedException($"the {role} names no metric.");
        var trimmed = name.Trim();
        var matches = MetricRegistry.TryGet(trimmed, out var exact)
            ? [exact]
            : MetricRegistry.All.Where(m => m.Name.EndsWith("." + trimmed, StringComparison.Ordinal)).ToList();
        if (matches.Count > 1)
            throw new SearchRefusedException($"{role} '{trimmed}' is ambiguous: {string.Join(", ", matches.Select(m => m.Name))}.");
        if (matches.Count == 0)
            throw new SearchRefusedException($"unknown {role} '{trimmed}'; close metric names: {string.Join(", ", CloseNames.To(trimmed, offline))} (docs/METRICS.md lists them all).");
        var metric = matches[0];
        if (!offline.Contains(metric.Name, StringComparer.Ordinal))
            throw new SearchRefusedException($"{role} '{metric.Name}' cannot be computed offline; offline metrics: {string.Join(", ", offline)}.");
        return metric;
    }

    /// <summary>Parses <c>metric&lt;=N</c> or <c>metric&gt;=N</c>; several bounds on one metric merge into one constraint.</summary>
    public static IReadOnlyList<SearchConstraint> Constraints(IEnumerable<string> specs, IReadOnlyList<string> offline)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var merged = new List<SearchConstraint>();
        foreach (var spec in specs)
        {
            var at = spec.IndexOf("<=", StringComparison.Ordinal) is >= 0 and var le ? le : spec.IndexOf(">=", StringComparison.Ordinal);
            if (at <= 0 || !double.TryParse(spec[(at + 2)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) || !double.IsFinite(bound))
                throw new SearchRefusedException($"constraint '{spec}' is not 'metric<=number' or 'metric>=number' (e.g. tokens.in<=600).");
            var metric = Resolve(spec[..at], offline, "constraint metric").Name;
            var upper = spec[at] == '<';
            var index = merged.FindIndex(c => c.Metric == metric);
            var current = index >= 0 ? merged[index] : new SearchConstraint(metric, null, null);
            var next = upper ? current with { Max = Math.Min(current.Max ?? bound, bound) } : current with { Min = Math.Max(current.Min ?? bound, bound) };
            if (next.Min > next.Max)
                throw new SearchRefusedException($"constraints on {metric} leave no value: at least {next.Min} and at most {next.Max}.");
            if (index >= 0) merged[index] = next;
            else merged.Add(next);
        }
        return merged;
    }
}
