using System.Text.Json;
using SelfLearn.Agents.Teacher.Search;

namespace SelfLearn.Agents.Tests.Teacher.Search;

public sealed class GridStrategyTests
{
    [Fact]
    public async Task Grid_scores_every_catalog_grid_point_of_the_space_once_after_the_base_configuration()
    {
        var evaluator = new SyntheticEvaluator([("c1", 2), ("c2", 3)], (p, _) => p["retrieval.top_k"].GetInt32() / 10.0,
            ["retrieval.top_k", "retrieval.fusion", "retrieval.lexical_date_prefix"]);

        var report = await SearchRuns.RunAsync(evaluator, new SearchRequest("recall@10", SelfLearn.Agents.Teacher.Search.Strategies.SearchStrategies.Grid, Budget: 100,
            Space: ["retrieval.top_k=3:5", "retrieval.fusion,retrieval.lexical_date_prefix"]));

        // Fold 1 tunes on c2: the base configuration (top_k 5, rrf, true) first, then the other 17 of the 3 × 3 × 2 grid in
        // odometer order, keys sorted: retrieval.fusion turns slowest, then retrieval.lexical_date_prefix, then retrieval.top_k.
        var expected = new List<string> { Point("rrf", true, 5) };
        foreach (var fusion in new[] { "zscore", "minmax", "rrf" })
            foreach (var prefix in new[] { false, true })
                foreach (var topK in new[] { 3, 4, 5 })
                    if (Point(fusion, prefix, topK) != expected[0])
                        expected.Add(Point(fusion, prefix, topK));
        var fold1 = report.Trace.Where(t => t.Fold == 1).ToList();
        Assert.Equal(expected, fold1.Select(t => JsonSerializer.Serialize(t.Parameters)));
        Assert.All(fold1, t => Assert.Equal(["c2"], t.Conversations));
        Assert.Equal(36, report.Evaluations);
    }

    private static string Point(string fusion, bool prefix, int topK) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["retrieval.fusion"] = fusion, ["retrieval.lexical_date_prefix"] = prefix, ["retrieval.top_k"] = topK,
        });
}
