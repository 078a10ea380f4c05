using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class FusionTests
{
    [Fact]
    public void Every_method_keeps_scores_in_the_unit_interval_and_the_expected_order()
    {
        var best = Entry("garden roses", vector: [1, 0, 0]);
        var second = Entry("roses in the big old garden shed", vector: [0.8f, 0.6f, 0]);
        var third = Entry("garden tools", vector: [0.6f, 0.8f, 0]);
        var none = Entry("car repair", vector: [0, 0, 1]);
        var index = new MemoryIndex([third, none, best, second]);

        foreach (var method in Enum.GetValues<FusionMethod>())
        {
            var result = index.Query("garden roses", Settings with { Fusion = method, Bm25Weight = 1, DenseWeight = 1, RrfK = 10 }, [1, 0, 0]);

            Assert.Equal([best.Id, second.Id, third.Id, none.Id], result.Ids());
            Assert.All(result.Items, i =>
            {
                Assert.InRange(i.Score, 0, 1);
                Assert.InRange(i.Components.Bm25, 0, 1);
                Assert.InRange(i.Components.Dense, 0, 1);
            });
        }
    }

    [Fact]
    public void Min_max_maps_the_range_onto_zero_to_one()
    {
        double[] scores = [2, 4, 6];
        ScoreNormalizer.Normalize(scores, FusionMethod.MinMax, 0);
        Assert.Equal([0, 0.5, 1], scores);
    }

    [Fact]
    public void Z_score_is_the_normal_cdf_of_the_standardised_score()
    {
        double[] scores = [1, 2, 3];
        ScoreNormalizer.Normalize(scores, FusionMethod.ZScore, 0);

        var z = 1 / Math.Sqrt(2.0 / 3); // population standard deviation of 1, 2, 3 is sqrt(2/3)
        Assert.Equal(NormalDistribution.Cdf(-z), scores[0], 1e-12);
        Assert.Equal(0.5, scores[1], 1e-7);
        Assert.Equal(NormalDistribution.Cdf(z), scores[2], 1e-12);
    }

    [Fact]
    public void Reciprocal_rank_shares_ranks_on_ties_and_gives_zero_to_no_signal()
    {
        double[] scores = [3, 0, 5, 5, 1];
        ScoreNormalizer.Normalize(scores, FusionMethod.Rrf, 60);

        Assert.Equal([61.0 / 63, 0, 1, 1, 61.0 / 64], scores);
    }

    [Fact]
    public void A_signal_without_spread_contributes_nothing()
    {
        foreach (var method in new[] { FusionMethod.ZScore, FusionMethod.MinMax })
        {
            double[] scores = [0.7, 0.7, 0.7];
            ScoreNormalizer.Normalize(scores, method, 60);
            Assert.Equal([0, 0, 0], scores);
        }
    }
}
