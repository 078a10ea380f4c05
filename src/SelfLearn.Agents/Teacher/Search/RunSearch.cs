using System.Text.Json;
using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Metrics;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>
/// The search, cross-validated over conversations (docs/SEARCH.md). Each fold tunes on its training conversations only
/// (<see cref="TuneFold"/>); its winner and the base configuration are then scored on the fold's held-out conversations.
/// The chosen configuration is the fold winner with the best mean over the folds it was not tuned on, i.e. its held-out
/// objective averaged over the folds it won (ties: more folds won, then the better in-sample mean, then the earlier fold);
/// the base configuration is reported on the same folds, so the two are compared on the same conversations.
/// </summary>
public sealed class RunSearch(ITrialEvaluator evaluator, TimeProvider clock)
{
    /// <summary>Validates a request before anything is evaluated or recorded.</summary>
    /// <exception cref="SearchRefusedException">The request cannot run; the message says why.</exception>
    public SearchPlan Plan(SearchRequest request, IReadOnlyDictionary<string, ImpactFactor> catalog, IReadOnlyDictionary<string, JsonElement> baseParameters) =>
        SearchPlan.Create(request, catalog, baseParameters, evaluator);

    /// <exception cref="OperationCanceledException">Cancelled: no trial is started after the token is cancelled, and no report is made.</exception>
    public async Task<SearchReport> RunAsync(SearchPlan plan, string searchId, ISearchObserver? observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var started = clock.GetTimestamp();
        var number = 0;
        var tune = new TuneFold(plan, evaluator, observer, clock);
        var trace = new List<TuningTrial>();
        var folds = new List<FoldReport>();
        for (var f = 0; f < plan.Folds.Count; f++)
        {
            var heldOut = plan.Folds[f];
            var training = plan.Conversations.Select(c => c.Id).Where(id => !heldOut.Contains(id, StringComparer.Ordinal)).ToList();
            var tuning = await tune.RunAsync(f + 1, training, new Random(FoldSeed(plan.Seed, f + 1)), () => ++number, searchId, ct);
            trace.AddRange(tuning.Trials);
            var winner = tuning.Winner.Recorded;
            var baseline = tuning.Trials[0].Recorded;
            ct.ThrowIfCancellationRequested();
            var outOfFold = await evaluator.EvaluateAsync(Full(plan, winner.Parameters), heldOut, ct);
            var baselineOutOfFold = await evaluator.EvaluateAsync(plan.BaseParameters, heldOut, ct);
            folds.Add(new FoldReport(f + 1, training, heldOut, winner.Number, winner.Parameters, winner.Objective, outOfFold.Metrics[plan.Objective.Name],
                baseline.Objective, baselineOutOfFold.Metrics[plan.Objective.Name], outOfFold.Metrics, baselineOutOfFold.Metrics));
        }

        var (best, baselineChoice) = Choose(plan, folds);
        var trials = trace.Select(t => t.Recorded).ToList();
        return new SearchReport(plan.Strategy, plan.Objective.Name, plan.Objective.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower",
            plan.Seed, plan.Budget, trials.Count, best, baselineChoice, folds.Average(f => f.OutOfFold), folds.Average(f => f.BaselineOutOfFold), folds,
            ParetoFront.Of([.. trace.Where(t => t.FullFidelity).Select(t => t.Recorded)], plan.Orient), trials,
            clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private static (SearchChoice Best, SearchChoice Baseline) Choose(SearchPlan plan, List<FoldReport> folds)
    {
        var candidates = folds.GroupBy(f => JsonSerializer.Serialize(f.WinnerParams), StringComparer.Ordinal)
            .Select(g => g.ToList())
            .OrderByDescending(g => plan.Orient(g.Average(f => f.OutOfFold)))
            .ThenByDescending(g => g.Count)
            .ThenByDescending(g => plan.Orient(g.Average(f => f.InSample)))
            .ThenBy(g => g[0].Fold)
            .ToList();
        var chosen = candidates[0];
        var foldNumbers = chosen.Select(f => f.Fold).ToList();
        var baseValues = new SortedDictionary<string, JsonElement>(
            plan.Space.Dimensions.ToDictionary(d => d.Key, d => plan.BaseParameters[d.Key]), StringComparer.Ordinal);
        return (new SearchChoice(chosen[0].WinnerParams, chosen.Average(f => f.InSample), chosen.Average(f => f.OutOfFold), chosen[0].WinnerTrial, foldNumbers),
            new SearchChoice(baseValues, chosen.Average(f => f.BaselineInSample), chosen.Average(f => f.BaselineOutOfFold), null, foldNumbers));
    }

    private static SortedDictionary<string, JsonElement> Full(SearchPlan plan, IReadOnlyDictionary<string, JsonElement> values) =>
        SelfLearn.Domain.Configuration.Parameters.Merge(plan.BaseParameters, values);

    /// <summary>Each fold draws from its own generator, so a fold's trials do not depend on how many draws the folds before it made.</summary>
    public static int FoldSeed(long seed, int fold) => unchecked((int)(seed * 1_000_003L + fold * 7_919L) ^ (int)(seed >> 32));
}
