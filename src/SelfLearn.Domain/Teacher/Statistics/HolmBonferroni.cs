using static SelfLearn.Domain.Teacher.Statistics.StatisticsInputs;

namespace SelfLearn.Domain.Teacher.Statistics;

/// <summary>
/// Holm's step-down adjustment across an experiment's primary metrics (Holm 1979). With p-values sorted ascending,
/// the i-th (0-based) of m gets max over j ≤ i of min(1, (m − j)·p_(j)), so adjusted values never decrease with the raw
/// ones; a metric is significant when its adjusted p ≤ alpha. Results keep the input order. Ties keep input order.
/// </summary>
public static class HolmBonferroni
{
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        foreach (var p in pValues)
            if (!(p >= 0 && p <= 1))
                throw new ArgumentException($"p-values must lie between 0 and 1 (got {Format(p)}).");

        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
