namespace SelfLearn.Web.Experiments;

/// <summary>What <c>GET /api/experiments/{id}/results</c> computes now: aggregates per metric, variant and segment.</summary>
public sealed record ResultsView(string ExperimentId, IReadOnlyList<AggregateView> Aggregates);

public sealed record AggregateView(string Metric, string Variant, string Segment, long Count, double Sum, double SumOfSquares, double? P50, double? P95, long Missing)
{
    public double? Mean => Count > 0 ? Sum / Count : null;
}
