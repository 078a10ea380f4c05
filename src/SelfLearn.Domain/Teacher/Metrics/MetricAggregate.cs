using SelfLearn.Domain.Teacher.Statistics;

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
/// <param name="Values">
/// Skewed metrics only: the runs' values as (value, count), sorted by value, so a quantile bootstrap can be recomputed from
/// the aggregate. Values are rounded to three significant digits, as the percentiles read them (<c>SkewedValues</c> in the
/// Agents' Teacher/Metrics, docs/METRICS.md). Null for other metrics, for aggregates stored before values
/// were kept, and when a group still has more than <c>SkewedValues.MaxDistinct</c> distinct values.
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
    long Missing,
    IReadOnlyList<WeightedValue>? Values = null)
{
    /// <summary>Equal when every field is, <see cref="Values"/> compared value by value rather than as a list reference.</summary>
    public bool Equals(MetricAggregate? other) =>
        other is not null
        && (Metric, Variant, Segment, Count, Sum, SumOfSquares, P50, P95, Missing) ==
           (other.Metric, other.Variant, other.Segment, other.Count, other.Sum, other.SumOfSquares, other.P50, other.P95, other.Missing)
        && (Values is null ? other.Values is null : other.Values is not null && Values.SequenceEqual(other.Values));

    public override int GetHashCode() => HashCode.Combine(Metric, Variant, Segment, Count, Sum, SumOfSquares, Values?.Count);
}
