using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// The trials no other trial beats on every count: a better or equal objective, no more <c>tokens.in</c> and no more
/// <c>latency.retrieve_ms</c>, and strictly better on one. Only full-fidelity trials compete (a rung on fewer
/// conversations is not comparable); a metric a trial lacks counts as 0. Trial order is kept.
/// </summary>
public static class ParetoFront
{
    public static IReadOnlyList<SearchTrialRecorded> Of(IReadOnlyList<SearchTrialRecorded> trials, Func<double, double> orient)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(orient);
        double[] Costs(SearchTrialRecorded t) =>
            [-orient(t.Objective), t.Metrics.GetValueOrDefault(OfflineTrialEvaluator.TokensIn), t.Metrics.GetValueOrDefault(OfflineTrialEvaluator.RetrieveMs)];
        var costs = trials.Select(Costs).ToList();
        return [.. trials.Where((_, i) => !costs.Where((_, j) => j != i).Any(other => Dominates(other, costs[i])))];
    }

    private static bool Dominates(double[] a, double[] b) => a.Zip(b).All(p => p.First <= p.Second) && a.Zip(b).Any(p => p.First < p.Second);
}
