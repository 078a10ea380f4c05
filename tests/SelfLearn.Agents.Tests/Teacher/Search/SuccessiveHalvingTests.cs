using System.Text.Json;
using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;

namespace SelfLearn.Agents.Tests.Teacher.Search;

public sealed class SuccessiveHalvingTests
{
    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(3, new[] { 1, 2, 3 })]
    [InlineData(4, new[] { 1, 2, 4 })]
    [InlineData(9, new[] { 1, 2, 3, 5, 9 })]
    public void Rungs_halve_the_training_conversations_rounding_up(int conversations, int[] rungs) =>
        Assert.Equal(rungs, TuneFold.Rungs(conversations));

    [Fact]
    public async Task A_bracket_scores_four_points_on_one_conversation_keeps_the_better_half_for_two_and_the_best_for_all_four()
    {
        // Five conversations of two questions each, leave one out: each fold tunes on four, rungs on 1, 2 and 4 conversations.
        var evaluator = new SyntheticEvaluator([("c1", 2), ("c2", 2), ("c3", 2), ("c4", 2), ("c5", 2)],
            (p, id) => p.Number("retrieval.bm25_weight") + (id == "c3" ? 0.01 : 0), ["retrieval.bm25_weight"]);

        var report = await SearchRuns.RunAsync(evaluator, new SearchRequest("recall@10", SearchStrategies.Random, Budget: 4, Seed: 11));

        // Budget 4 = the base configuration (cost 1), four trials on 1 of 4 conversations (0.25 each), two on 2 (0.5 each), one on 4.
        var fold = report.Trace.Where(t => t.Fold == 1).ToList();
        Assert.Equal([4, 1, 1, 1, 1, 2, 2, 4], fold.Select(t => t.Conversations.Count));
        var first = fold.Skip(1).Take(4).ToList();
        var second = fold.Skip(5).Take(2).ToList();
        var last = fold[7];
        Assert.Equal(first.OrderByDescending(t => t.Objective).Take(2).Select(Weight), second.Select(Weight));
        Assert.Equal(second.MaxBy(t => t.Objective)!.Parameters["retrieval.bm25_weight"].GetDecimal(), Weight(last));
        Assert.Subset(second[0].Conversations.ToHashSet(), first[0].Conversations.ToHashSet());
        Assert.Equal(["c2", "c3", "c4", "c5"], last.Conversations);
        // The fold's winner is its best trial on all four conversations: the base configuration's 0.7 or the bracket's survivor.
        Assert.Equal(Math.Max(0.7m, Weight(last)), report.Folds[0].WinnerParams["retrieval.bm25_weight"].GetDecimal());
        Assert.Equal(5 * 8, report.Evaluations);
    }

    private static decimal Weight(Domain.Teacher.Search.SearchTrialRecorded trial) => trial.Parameters["retrieval.bm25_weight"].GetDecimal();
}
