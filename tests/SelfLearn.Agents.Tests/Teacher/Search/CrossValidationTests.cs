using System.Text.Json;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;

namespace SelfLearn.Agents.Tests.Teacher.Search;

public sealed class CrossValidationTests
{
    [Fact]
    public async Task No_fold_scores_a_trial_on_its_held_out_conversation()
    {
        // Four conversations, leave one out: each fold tunes on three, with rungs on 1, 2 and 3 conversations.
        var evaluator = new SyntheticEvaluator([("c1", 2), ("c2", 3), ("c3", 1), ("c4", 4)],
            (p, id) => p.Number("retrieval.bm25_weight") * (id == "c2" ? 2 : 1), ["retrieval.bm25_weight", "retrieval.top_k"]);
        var observer = new RecordingObserver();

        var report = await SearchRuns.RunAsync(evaluator, new SearchRequest("recall@10", SearchStrategies.Model, Budget: 12, Seed: 7), observer);

        string[][] heldOut = [["c1"], ["c2"], ["c3"], ["c4"]];
        Assert.Equal(heldOut, report.Folds.Select(f => f.HeldOut.ToArray()));
        Assert.Equal(report.Trace, observer.Seen.Select(s => s.Trial));
        Assert.All(observer.Seen, s => Assert.DoesNotContain(heldOut[s.Trial.Fold!.Value - 1][0], s.Trial.Conversations));
        Assert.Contains(observer.Seen, s => s.Trial.Conversations.Count == 1);
        Assert.Contains(observer.Seen, s => s.Trial.Conversations.Count == 2);

        // The evaluator saw the trials in trace order, and after each fold's trials exactly two calls on its held-out
        // conversation (its winner and the base configuration): 4 folds, 8 calls that are not trials.
        Assert.Equal(8, evaluator.Calls.Count - report.Evaluations);
        var calls = evaluator.Calls.Select((call, index) => (call.Conversations, OutOfFold: IsOutOfFold(index, report))).ToList();
        Assert.Equal(report.Trace.Select(t => string.Join(",", t.Conversations)), calls.Where(c => !c.OutOfFold).Select(c => string.Join(",", c.Conversations)));
        Assert.Equal(heldOut.SelectMany(h => new[] { h[0], h[0] }), calls.Where(c => c.OutOfFold).Select(c => string.Join(",", c.Conversations)));
    }

    /// <summary>Calls are trials in trace order, with two out-of-fold calls after each fold's trials.</summary>
    private static bool IsOutOfFold(int callIndex, SearchReport report)
    {
        var position = 0;
        foreach (var fold in report.Folds)
        {
            position += report.Trace.Count(t => t.Fold == fold.Fold);
            if (callIndex == position || callIndex == position + 1)
                return true;
            position += 2;
        }
        return false;
    }

    [Fact]
    public async Task The_chosen_configuration_is_the_fold_winner_with_the_best_mean_over_the_folds_it_was_not_tuned_on()
    {
        // One question per conversation; the objective of top_k on each conversation (5 is the base configuration).
        var table = new Dictionary<(int, string), double>
        {
            [(1, "c1")] = 0.9, [(2, "c1")] = 0.5, [(3, "c1")] = 0.1, [(5, "c1")] = 0.5,
            [(1, "c2")] = 0.2, [(2, "c2")] = 0.6, [(3, "c2")] = 0.8, [(5, "c2")] = 0.5,
            [(1, "c3")] = 0.3, [(2, "c3")] = 0.4, [(3, "c3")] = 0.7, [(5, "c3")] = 0.5,
        };
        var evaluator = new SyntheticEvaluator([("c1", 1), ("c2", 1), ("c3", 1)], (p, id) => table[(p["retrieval.top_k"].GetInt32(), id)], ["retrieval.top_k"]);

        var report = await SearchRuns.RunAsync(evaluator, new SearchRequest("recall@10", SearchStrategies.Grid, Budget: 10, Space: ["retrieval.top_k=1:3"], Halving: false));

        // Fold 1 tunes on c2, c3: top_k 1, 2, 3 score 0.25, 0.5, 0.75 (base 0.5) → 3, which scores 0.1 on c1.
        // Fold 2 tunes on c1, c3: 0.6, 0.45, 0.4 → 1, which scores 0.2 on c2.
        // Fold 3 tunes on c1, c2: 0.55, 0.55, 0.45 → 1 (the tie goes to the earlier trial), which scores 0.3 on c3.
        Assert.Equal([3, 1, 1], report.Folds.Select(f => f.WinnerParams["retrieval.top_k"].GetInt32()));
        Assert.Equal([0.75, 0.6, 0.55], report.Folds.Select(f => Math.Round(f.InSample, 12)));
        Assert.Equal([0.1, 0.2, 0.3], report.Folds.Select(f => f.OutOfFold));
        // top_k 1 won folds 2 and 3, out of fold (0.2 + 0.3) / 2 = 0.25, beating top_k 3's 0.1 on fold 1.
        Assert.Equal(1, report.Best.Params["retrieval.top_k"].GetInt32());
        Assert.Equal([2, 3], report.Best.Folds);
        Assert.Equal(0.25, report.Best.OutOfFold, 12);
        Assert.Equal((0.6 + 0.55) / 2, report.Best.Objective, 12);
        // The base configuration on the same folds: 0.5 everywhere.
        Assert.Equal(JsonSerializer.Serialize(new Dictionary<string, int> { ["retrieval.top_k"] = 5 }), JsonSerializer.Serialize(report.Baseline.Params));
        Assert.Equal((0.5, 0.5), (report.Baseline.Objective, report.Baseline.OutOfFold));
        // The nested estimate of the whole procedure: (0.1 + 0.2 + 0.3) / 3 against the base configuration's 0.5.
        Assert.Equal(0.2, report.OutOfFold, 12);
        Assert.Equal(0.5, report.BaselineOutOfFold, 12);
        Assert.Equal(12, report.Evaluations);
    }
}
