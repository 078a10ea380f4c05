namespace SelfLearn.Web.Journal;

/// <summary>One tested experiment's figure on its cycle's first primary metric, as the cycle's report states it.</summary>
public sealed record TrendPoint(string CycleId, string ExperimentId, DateTimeOffset ReportedAt, double? Baseline, double? Treatment, string? Call);

/// <summary>The figures of one metric (and segment) across cycles, in the order the cycles reported.</summary>
public sealed record MetricTrend(string Metric, string Segment, IReadOnlyList<TrendPoint> Points);

public static class MetricTrends
{
    /// <summary>
    /// For every reported cycle, the baseline and treatment of its goal's first primary metric (its segment, <c>all</c>
    /// when none) in each experiment it tested; grouped by metric and segment, oldest report first.
    /// </summary>
    public static IReadOnlyList<MetricTrend> Of(IEnumerable<CycleRow> cycles) =>
        [.. cycles
            .Where(c => c.Report is not null && c.ReportedAt is not null && c.Goal.Primary.Count > 0)
            .SelectMany(c =>
            {
                var primary = c.Goal.Primary[0];
                var segment = primary.Segment ?? "all";
                return c.Report!.Tested.SelectMany(t => t.PrimaryGains
                    .Where(g => g.Metric == primary.Metric && g.Segment == segment)
                    .Take(1)
                    .Select(g => (primary.Metric, segment, Point: new TrendPoint(c.CycleId, t.ExperimentId, c.ReportedAt!.Value, g.Baseline, g.Treatment, t.Call))));
            })
            .GroupBy(p => (p.Metric, p.segment))
            .OrderBy(g => g.Key.Metric, StringComparer.Ordinal).ThenBy(g => g.Key.segment, StringComparer.Ordinal)
            .Select(g => new MetricTrend(g.Key.Metric, g.Key.segment,
                [.. g.Select(p => p.Point).OrderBy(p => p.ReportedAt).ThenBy(p => p.CycleId, StringComparer.Ordinal)]))];
}
