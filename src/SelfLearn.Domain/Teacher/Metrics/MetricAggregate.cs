namespace SelfLearn.Domain.Teacher.Metrics;

/// <summary>
/// One metric of one variant in one segment, as sums, so a verdict can be recomputed from them alone: the mean is
/// <c>Sum / Count</c>, the sample variance <c>(SumOfSquares − Sum² / Count) / (Count − 1)</c>.
/// </summary>
/// <param name="Count">Runs with a value.</param>
/// <param name="P50">Median (PostgreSQL <c>percentile_cont</c>, linear interpolation); only for skewed metrics, null otherwise or without values.</param>
/// <param name="P95">95th percentile, as <paramref name="P50"/>.</param>
/// <param name="Missing">
/// Answered runs the metric could not be computed for, so left out of <paramref name="Count"/>: no golden example for
/// the run's example id, no score of the chosen judge, or no time for the stage.
/// </param>
public sealed record MetricAggregate(
    string Metric,
    string Variant,
    string Segment,
    long Count,
    double Sum,
    double SumOfSquares,
    double? P50,
    double? P95,
    long Missing);
