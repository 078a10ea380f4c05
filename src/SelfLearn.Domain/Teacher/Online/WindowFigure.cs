namespace SelfLearn.Domain.Teacher.Online;

/// <summary>
/// One metric of live traffic in one window of one deployment × config version × experiment × variant (empty strings
/// when the run had no experiment): the count, sum and sum of squares of the per-run values folded into it
/// (docs/ONLINE.md). Windows are <c>Online:WindowSeconds</c> long and aligned to the Unix epoch.
/// </summary>
public sealed record WindowFigure(
    string DeploymentId,
    int ConfigVersion,
    string ExperimentId,
    string Variant,
    DateTimeOffset WindowStart,
    string Metric,
    long N,
    double Total,
    double Squares)
{
    public double? Mean => N > 0 ? Total / N : null;

    /// <summary>The sample standard deviation (n − 1 in the denominator) of the per-run values; null below two values.</summary>
    public double? StandardDeviation => N > 1 ? Math.Sqrt(Math.Max(0, (Squares - Total * Total / N) / (N - 1))) : null;
}
