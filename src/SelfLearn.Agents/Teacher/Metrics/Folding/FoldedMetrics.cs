using System.Security.Cryptography;
using System.Text;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Metrics.Folding;

/// <summary>
/// The metrics whose per-run value depends on the run and its golden example alone, so it is computed once, when the
/// run is folded (<see cref="RunFold"/>), and summed as runs arrive. Judge-based metrics (scores arrive later, per judge
/// version), user-feedback metrics (feedback arrives after the run) and <c>cost.usd</c> (prices are settings) are computed when asked, from the folded per-run table.
/// Column <c>v{i}</c>/<c>m{i}</c> of <c>selflearn.run_values</c> holds metric <c>i</c> of this list.
/// </summary>
internal static class FoldedMetrics
{
    public static IReadOnlyList<MetricDefinition> All { get; } =
        [.. MetricRegistry.All.Where(m => m.Needs is not (MetricNeeds.Judge or MetricNeeds.UserFeedback) && m.Name != MetricSql.Cost)];

    private static readonly Dictionary<string, int> Index = All.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    /// <summary>The metric's column index in <c>run_values</c>, or null when it is not folded.</summary>
    public static int? IndexOf(MetricDefinition metric) => Index.TryGetValue(metric.Name, out var i) ? i : null;

    /// <summary>
    /// Changes with the folded list, a formula or the fold's own SQL, so a database folded by another build is refolded
    /// from the runs (<see cref="FoldTables"/>) instead of mixing two definitions of a metric.
    /// </summary>
    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', All.Select(m => MetricSql.For(m) is var (value, missing) ? $"{m.Name}|{value}|{missing}" : "")) + '\n' +
        string.Concat(FoldSql.All))))[..16];
}
