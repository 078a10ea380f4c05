using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.AnnRecall;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class AnnRetrievalTests(LocomoVectorsFixture locomo) : IClassFixture<LocomoVectorsFixture>
{
    private const int Seed = 15;

    private static AnnOptions Ann(int threshold) => new() { Threshold = threshold };

    [Fact]
    public void The_documented_settings_are_the_defaults()
    {
        var defaults = new AnnOptions();

        Assert.Equal((20_000, 500, 48, 128, 100_000), (defaults.Threshold, defaults.Candidates, defaults.Connectivity, defaults.ExpansionAdd, defaults.ShardSize));
    }

    [Fact]
    public void The_ann_top_10_loses_at_most_one_percent_of_the_exact_scans_recall()
    {
        var memories = locomo.Memories(8_000, Seed);
        using var approximate = new MemoryIndex(memories, Ann(1_000));
        using var exact = new MemoryIndex(memories, Ann(int.MaxValue));

        Assert.True(approximate.UsesAnn);
        Assert.False(exact.UsesAnn);
        var expected = ExactTop10s(locomo, memories);
        Assert.Equal(1.0, Mean(locomo, exact, expected));
        Assert.InRange(Mean(locomo, approximate, expected), 0.99, 1.0);
    }

    [Fact]
    public void Below_the_threshold_the_exact_scan_answers_and_the_memory_that_crosses_it_switches_to_ann()
    {
        var memories = locomo.Memories(1_999, Seed);
        using var index = new MemoryIndex(memories, Ann(2_000));
        using var exact = new MemoryIndex(memories, Ann(int.MaxValue));
        var settings = DenseTop10 with { Bm25Weight = 1, RecencyWeight = 0.1, NeighborWeight = 0.3, Fusion = FusionMethod.ZScore };

        Assert.False(index.UsesAnn);
        for (var q = 0; q < locomo.Questions.Count; q += 10)
            Assert.Equal(Scores(exact.Query(locomo.Questions[q], settings, locomo.QuestionVectors[q])),
                Scores(index.Query(locomo.Questions[q], settings, locomo.QuestionVectors[q])));

        var crossing = Entry("the memory that crosses the threshold", vector: locomo.QuestionVectors[0]);
        index.AddMissing([crossing]);

        Assert.True(index.UsesAnn);
        Assert.Equal(crossing.Id, index.Query(locomo.Questions[0], DenseTop10, locomo.QuestionVectors[0]).Items[0].Memory.Id);
    }

    [Fact]
    public void Memories_appended_after_the_graph_is_built_are_found()
    {
        using var index = new MemoryIndex(locomo.Memories(3_000, Seed), Ann(1_000));
        Assert.True(index.UsesAnn);

        AssertAppendedAnswersAreFound(locomo, index);
    }

    [Fact]
    public void The_same_memories_give_the_same_results()
    {
        using var first = new MemoryIndex(locomo.Memories(3_000, Seed), Ann(1_000));
        using var second = new MemoryIndex(locomo.Memories(3_000, Seed), Ann(1_000));

        for (var q = 0; q < locomo.Questions.Count; q++)
            Assert.Equal(Scores(first.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q])),
                Scores(second.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q])));
    }

    [Fact]
    public void A_disposed_index_answers_with_the_exact_scan()
    {
        var memories = locomo.Memories(3_000, Seed);
        var index = new MemoryIndex(memories, Ann(1_000));
        using var exact = new MemoryIndex(memories, Ann(int.MaxValue));
        var settings = DenseTop10 with { Bm25Weight = 1 };

        index.Dispose();

        for (var q = 0; q < locomo.Questions.Count; q += 10)
            Assert.Equal(Scores(exact.Query(locomo.Questions[q], settings, locomo.QuestionVectors[q])),
                Scores(index.Query(locomo.Questions[q], settings, locomo.QuestionVectors[q])));
    }
}
