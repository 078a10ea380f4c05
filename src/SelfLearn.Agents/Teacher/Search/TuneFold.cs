using System.Text.Json;
using SelfLearn.Agents.Teacher.Search.Strategies;
using SelfLearn.Domain.Teacher.Search;

namespace SelfLearn.Agents.Teacher.Search;

/// <summary>A scored trial with the point it tried (null for a base configuration outside the space) and its rung.</summary>
public sealed record TuningTrial(SearchTrialRecorded Recorded, double[]? Point, int Rung)
{
    public bool FullFidelity => Recorded.FullFidelity;
}

/// <summary>One fold's tuning: its trials in order and the winner, its best feasible full-fidelity trial.</summary>
public sealed record FoldTuning(IReadOnlyList<TuningTrial> Trials, TuningTrial Winner, double Spent);

/// <summary>
/// Tunes on training conversations only. The first trial is the base configuration on all of them; then the strategy
/// proposes brackets of points scored by successive halving: with rungs on ⌈m / 2^i⌉ conversations (m training
/// conversations, the first ones of a seeded shuffle per bracket), a bracket starts 2^(rungs − 1) points on the smallest
/// subset and keeps the better half at each rung until one reaches all m. A trial costs its questions' share of the
/// training questions; tuning stops before a trial would take the spent budget past <see cref="SearchPlan.Budget"/>, or
/// when the strategy finds no untried point. The model learns from each point's highest rung, ordered as Optuna orders
/// pruned trials: higher rung first, then feasible first, then the better objective, then the earlier trial.
/// </summary>
public sealed class TuneFold(SearchPlan plan, ITrialEvaluator evaluator, ISearchObserver? observer, TimeProvider clock)
{
    private const double Tolerance = 1e-9;

    public async Task<FoldTuning> RunAsync(int? fold, IReadOnlyList<string> training, Random random, Func<int> nextNumber, string searchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(nextNumber);
        var questions = plan.Conversations.Where(c => training.Contains(c.Id, StringComparer.Ordinal)).ToDictionary(c => c.Id, c => c.Questions, StringComparer.Ordinal);
        var total = (double)questions.Values.Sum();
        var rungs = plan.Halving ? Rungs(training.Count) : [training.Count];
        var strategy = SearchStrategies.Create(plan.Strategy, plan.Space, random);
        var trials = new List<TuningTrial>();
        var latest = new Dictionary<string, TuningTrial>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var spent = 0.0;

        async Task<TuningTrial> Score(double[]? point, IReadOnlyDictionary<string, JsonElement> values, IReadOnlyList<string> subset, int rung)
        {
            ct.ThrowIfCancellationRequested();
            var started = clock.GetTimestamp();
            var score = await evaluator.EvaluateAsync(Parameters(values), subset, ct);
            var objective = score.Metrics[plan.Objective.Name];
            var recorded = new SearchTrialRecorded(searchId, nextNumber(), fold, subset, score.Questions, values, objective, score.Metrics,
                plan.Feasible(score.Metrics), clock.GetElapsedTime(started).TotalMilliseconds, rung == rungs.Count - 1);
            var trial = new TuningTrial(recorded, point, rung);
            trials.Add(trial);
            spent += subset.Sum(id => questions[id]) / total;
            if (point is not null)
                latest[SearchPoints.Key(point)] = trial;
            if (observer is not null)
                await observer.TrialAsync(recorded, new SearchProgress(fold ?? 0, plan.Folds.Count, spent, plan.Budget, recorded.Number, Best(trials)?.Recorded.Objective), ct);
            return trial;
        }

        var basePoint = BasePoint();
        if (basePoint is not null)
            seen.Add(SearchPoints.Key(basePoint));
        await Score(basePoint, BaseValues(), training, rungs.Count - 1);

        while (spent + Tolerance < plan.Budget)
        {
            var order = Shuffle(training, random, rungs.Count > 1);
            var ranked = latest.Values.OrderByDescending(t => t.Rung).ThenByDescending(t => t.Recorded.Feasible)
                .ThenByDescending(t => plan.Orient(t.Recorded.Objective)).ThenBy(t => t.Recorded.Number).Select(t => t.Point!).ToList();
            var points = new List<double[]>();
            for (var i = 0; i < 1 << (rungs.Count - 1); i++)
            {
                if (strategy.Propose(ranked, seen) is not { } point)
                    break;
                seen.Add(SearchPoints.Key(point));
                points.Add(point);
            }
            if (points.Count == 0)
                break;

            for (var rung = 0; rung < rungs.Count && points.Count > 0; rung++)
            {
                var subset = rung == rungs.Count - 1 ? training : [.. training.Where(order.Take(rungs[rung]).Contains)];
                var cost = subset.Sum(id => questions[id]) / total;
                var scored = new List<TuningTrial>();
                foreach (var point in points)
                {
                    if (spent + cost > plan.Budget + Tolerance)
                        return Finish(trials, spent);
                    scored.Add(await Score(point, Values(point), subset, rung));
                }
                points = [.. scored.OrderByDescending(t => t.Recorded.Feasible).ThenByDescending(t => plan.Orient(t.Recorded.Objective))
                    .ThenBy(t => t.Recorded.Number).Take((scored.Count + 1) / 2).Select(t => t.Point!)];
            }
        }
        return Finish(trials, spent);
    }

    /// <summary>The fewest conversations first: ⌈m / 2^i⌉ for i = … 2, 1, 0, without repeats.</summary>
    public static IReadOnlyList<int> Rungs(int conversations)
    {
        var sizes = new List<int> { conversations };
        while (sizes[^1] > 1)
            sizes.Add((sizes[^1] + 1) / 2);
        sizes.Reverse();
        return sizes;
    }

    private FoldTuning Finish(List<TuningTrial> trials, double spent) =>
        new(trials, Best(trials) ?? trials[0], spent);

    private TuningTrial? Best(IEnumerable<TuningTrial> trials) =>
        trials.Where(t => t.FullFidelity && t.Recorded.Feasible).OrderByDescending(t => plan.Orient(t.Recorded.Objective))
            .ThenBy(t => t.Recorded.Number).FirstOrDefault();

    private static List<string> Shuffle(IReadOnlyList<string> training, Random random, bool needed)
    {
        var order = training.ToList();
        if (needed)
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order));
        return order;
    }

    private double[]? BasePoint()
    {
        var coordinates = plan.Space.Dimensions.Select(d => d.Coordinate(plan.BaseParameters[d.Key])).ToList();
        return coordinates.All(c => c is not null) ? [.. coordinates.Select(c => c!.Value)] : null;
    }

    private SortedDictionary<string, JsonElement> BaseValues() =>
        new(plan.Space.Dimensions.ToDictionary(d => d.Key, d => plan.BaseParameters[d.Key]), StringComparer.Ordinal);

    private SortedDictionary<string, JsonElement> Values(double[] point) =>
        new(plan.Space.Dimensions.Select((d, i) => (d.Key, Value: d.ToJson(point[i]))).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    private SortedDictionary<string, JsonElement> Parameters(IReadOnlyDictionary<string, JsonElement> values) =>
        SelfLearn.Domain.Configuration.Parameters.Merge(plan.BaseParameters, values);
}
