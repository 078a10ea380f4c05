using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class RankingTests
{
    [Fact]
    public void Recency_decays_by_half_per_half_life_and_never_exceeds_one()
    {
        var month = Entry("piano lesson", Today.AddDays(-30));
        var twoMonths = Entry("piano recital", Today.AddDays(-60));
        var tomorrow = Entry("piano tuning", Today.AddDays(1));
        var index = new MemoryIndex([month, twoMonths, tomorrow]);

        var result = index.Query("piano", Settings with { RecencyWeight = 1, RecencyHalfLifeDays = 30 });

        Assert.Equal(0.5, result.Item(month).Components.Recency, 1e-12);
        Assert.Equal(0.25, result.Item(twoMonths).Components.Recency, 1e-12);
        Assert.Equal(1, result.Item(tomorrow).Components.Recency);
    }

    [Fact]
    public void Recency_weight_decides_between_an_old_exact_match_and_a_new_partial_one()
    {
        var oldExact = Entry("We adopted a puppy named Max at the shelter", Today.AddDays(-120));
        var newPartial = Entry("Max the puppy chewed my shoes", Today);
        var unrelated = Entry("Dinner was pasta", Today.AddDays(-10));
        var index = new MemoryIndex([oldExact, newPartial, unrelated]);
        const string query = "adopted puppy Max shelter";

        var timeless = index.Query(query, Settings with { RecencyWeight = 0 });
        var recent = index.Query(query, Settings with { RecencyWeight = 3, RecencyHalfLifeDays = 30 });

        Assert.Equal(oldExact.Id, timeless.Items[0].Memory.Id);
        Assert.Equal(newPartial.Id, recent.Items[0].Memory.Id);
    }

    [Fact]
    public void Lexical_and_dense_weights_flip_the_order()
    {
        var wordsMatch = Entry("my sister's wedding venue", vector: [0, 1]);
        var meaningMatches = Entry("she married by the sea", vector: [1, 0]);
        var index = new MemoryIndex([wordsMatch, meaningMatches]);
        float[] query = [1, 0];

        var lexical = index.Query("wedding venue", Settings with { Bm25Weight = 1, DenseWeight = 0 }, query);
        var dense = index.Query("wedding venue", Settings with { Bm25Weight = 0, DenseWeight = 1 }, query);

        Assert.Equal([wordsMatch.Id, meaningMatches.Id], lexical.Ids());
        Assert.Equal([meaningMatches.Id, wordsMatch.Id], dense.Ids());
        Assert.Equal(1, dense.Items[0].Components.RawDense, 1e-6);
    }

    [Fact]
    public void Fused_score_is_the_weighted_mean_of_the_signals()
    {
        var memory = Entry("hiking trip in the alps", Today.AddDays(-30), vector: [1, 0]);
        var other = Entry("grocery list", Today, vector: [0, 1]);
        var index = new MemoryIndex([memory, other]);
        var settings = Settings with { Bm25Weight = 0.5, DenseWeight = 0.25, RecencyWeight = 0.2, KeywordWeight = 0.05, KeywordCount = 2 };

        var c = index.Query("hiking alps", settings, [1, 0]).Item(memory).Components;

        // min-max over two memories: this one is the best on both lexical and dense, so both normalise to 1.
        Assert.Equal((0.5 * 1) + (0.25 * 1) + (0.2 * 0.5) + (0.05 * 1), c.Fused, 1e-12);
    }

    [Fact]
    public void With_every_weight_at_zero_nothing_scores()
    {
        var index = new MemoryIndex([Entry("hiking trip in the alps"), Entry("grocery list")]);

        var result = index.Query("hiking", Settings with { Bm25Weight = 0 });

        Assert.All(result.Items, i => Assert.Equal(0, i.Score));
        Assert.Equal(2, result.Items.Count);
    }
}
