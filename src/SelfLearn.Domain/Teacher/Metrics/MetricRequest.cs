using SegmentNames = SelfLearn.Domain.Teacher.Metrics.Segments;

namespace SelfLearn.Domain.Teacher.Metrics;

/// <summary>The runs an evaluation reads: one experiment's, optionally only one simulation's or one cycle type's.</summary>
public sealed record MetricScope(string ExperimentId, string? SimulationId = null, string? CycleType = null);

/// <summary>The judge whose stored scores the judge-based metrics read.</summary>
public sealed record JudgeRef(string Judge, string Version);

/// <summary>
/// Which metrics to aggregate, cut by which segments (the whole set, <see cref="SegmentNames.All"/>, is always included),
/// and — when a judge-based metric is named — which judge's scores.
/// </summary>
public sealed record MetricRequest(MetricScope Scope, IReadOnlyList<string> Metrics, IReadOnlyList<string> Segments, JudgeRef? Judge = null)
{
    /// <summary>The requested segments with the whole set first, each once.</summary>
    public IReadOnlyList<string> SegmentsWithAll => [SegmentNames.All, .. Segments.Where(s => s != SegmentNames.All).Distinct(StringComparer.Ordinal)];

    /// <summary>Null when the request can be computed; otherwise every reason it cannot, in one message.</summary>
    public string? Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Scope.ExperimentId))
            problems.Add("name the experiment whose runs to evaluate.");
        if (Metrics.Count == 0)
            problems.Add("name at least one metric (docs/METRICS.md lists them).");
        foreach (var name in Metrics.Distinct(StringComparer.Ordinal))
        {
            if (!MetricRegistry.TryGet(name, out var metric))
                problems.Add($"unknown metric '{name}' (docs/METRICS.md lists the known ones).");
            else if (metric.Needs == MetricNeeds.Judge && Judge is null)
                problems.Add($"metric '{name}' is scored by a judge: name the judge and its version.");
        }
        problems.AddRange(Segments.Select(SegmentNames.Validate).OfType<string>());
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }
}
