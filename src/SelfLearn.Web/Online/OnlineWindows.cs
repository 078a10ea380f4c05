namespace SelfLearn.Web.Online;

/// <summary>GET /api/deployments/{id}/online/windows: one metric of live traffic in one window.</summary>
public sealed record OnlineWindowRow(
    int ConfigVersion, string ExperimentId, string Variant, DateTimeOffset WindowStart, string Metric, long N, double Sum, double SumOfSquares,
    double? Mean, double? StandardDeviation);

public sealed record OnlineWindowsAnswer(string DeploymentId, int WindowSeconds, List<OnlineWindowRow> Windows);

/// <summary>One version's figures in one window, every experiment and variant pooled (count and sum added up), as the rules judge them.</summary>
public sealed record PooledWindow(int ConfigVersion, DateTimeOffset WindowStart, long N, double Mean)
{
    public static IReadOnlyList<PooledWindow> Of(IEnumerable<OnlineWindowRow> rows) =>
        [.. rows.GroupBy(r => (r.ConfigVersion, r.WindowStart))
            .Select(g => new PooledWindow(g.Key.ConfigVersion, g.Key.WindowStart, g.Sum(r => r.N), g.Sum(r => r.Sum) / g.Sum(r => r.N)))
            .OrderBy(w => w.WindowStart).ThenBy(w => w.ConfigVersion)];
}
