using SelfLearn.Agents.Teacher.Search;
using SelfLearn.Agents.Teacher.Search.Strategies;

namespace SelfLearn.Agents.Tests.Teacher.Search;

public sealed class LatinHypercubeTests
{
    [Fact]
    public void The_model_s_first_ten_points_put_one_point_in_each_tenth_of_every_factor()
    {
        // retrieval.top_k 1..10 has ten levels, one per tenth; bm25_weight 0..1 on the catalog step of 0.05 has 21 levels,
        // two or three per tenth; fusion's three choices take a third each, so each gets three or four of the ten tenths.
        var space = SearchSpace.Build(SearchCatalog.Default, ["retrieval.top_k=1:10", "retrieval.bm25_weight=0:1", "retrieval.fusion"],
            [.. SearchCatalog.Default.Keys]);
        var strategy = new TpeStrategy(space, new Random(17));
        var tried = new List<double[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < TpeStrategy.StartupTrials; i++)
        {
            var point = strategy.Propose(tried, seen)!;
            tried.Add(point);
            seen.Add(SearchPoints.Key(point));
        }

        var keys = space.Dimensions.Select(d => d.Key).ToList();
        int At(string key) => keys.IndexOf(key);
        var topK = space.Dimensions[At("retrieval.top_k")];
        var weight = space.Dimensions[At("retrieval.bm25_weight")];
        Assert.Equal(Enumerable.Range(1, 10).Select(k => (decimal)k), tried.Select(p => topK.Number(p[At("retrieval.top_k")])).Order());
        // The tenths of [0, 1]: each holds exactly one weight (a weight on a boundary, 0.1 k, lies in either neighbour).
        var tenths = tried.Select(p => weight.Number(p[At("retrieval.bm25_weight")])).Order().ToList();
        for (var k = 0; k < 10; k++)
            Assert.InRange(tenths[k], 0.1m * k, 0.1m * (k + 1));
        var choices = tried.GroupBy(p => p[At("retrieval.fusion")]).Select(g => g.Count()).ToList();
        Assert.Equal(3, choices.Count);
        Assert.All(choices, count => Assert.InRange(count, 3, 4));
    }
}
