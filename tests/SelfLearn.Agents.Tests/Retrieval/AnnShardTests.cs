using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.AnnRecall;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>A user's memories spread over several HNSW graphs (<see cref="AnnOptions.ShardSize"/>), searched together.</summary>
public sealed class AnnShardTests(LocomoVectorsFixture locomo) : IClassFixture<LocomoVectorsFixture>
{
    private const int Seed = 15;

    private static AnnOptions Ann(int threshold, int shardSize) => new() { Threshold = threshold, ShardSize = shardSize };

    private static AnnOptions Small(int shardSize) =>
        new() { Threshold = 1_000, ShardSize = shardSize, Connectivity = 10, Candidates = 100 };

    [Fact]
    public void Spread_over_four_graphs_the_ann_top_10_loses_at_most_one_percent_of_the_exact_scans_recall()
    {
        var memories = locomo.Memories(8_000, Seed);
        using var sharded = new MemoryIndex(memories, Ann(1_000, 2_000));

        Assert.Equal(4, sharded.AnnGraphs);
        Assert.InRange(Mean(locomo, sharded, memories), 0.99, 1.0);
    }

    [Fact]
    public void Near_copies_that_defeat_one_graph_are_found_by_graphs_holding_fewer_of_them()
    {
        // As at a million memories in the benchmark, on a small scale: each turn has about 76 near-copies, almost as many
        // as the beam holds (100) and far more than a node keeps links (2 × 10); 16 graphs hold about 5 of them each.
        var memories = locomo.Memories(32_000, Seed);
        using var one = new MemoryIndex(memories, Small(shardSize: 32_000));
        using var sixteen = new MemoryIndex(memories, Small(shardSize: 2_000));

        Assert.Equal((1, 16), (one.AnnGraphs, sixteen.AnnGraphs));
        Assert.InRange(Mean(locomo, one, memories), 0.0, 0.95);
        Assert.InRange(Mean(locomo, sixteen, memories), 0.99, 1.0);
    }

    [Fact]
    public void Each_graph_is_the_same_whether_built_at_once_on_every_core_or_batch_by_batch()
    {
        var memories = locomo.Memories(5_000, Seed);
        using var atOnce = new MemoryIndex(memories, Ann(1_000, 2_000));
        using var batched = new MemoryIndex(memories.Take(1_000), Ann(1_000, 2_000));
        foreach (var batch in memories.Skip(1_000).Chunk(37))
            batched.AddMissing(batch);

        Assert.Equal((3, 3), (atOnce.AnnGraphs, batched.AnnGraphs));
        for (var q = 0; q < locomo.Questions.Count; q++)
            Assert.Equal(Scores(atOnce.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q])),
                Scores(batched.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q])));
    }

    [Fact]
    public void Memories_appended_across_a_graph_boundary_are_found()
    {
        using var index = new MemoryIndex(locomo.Memories(1_990, Seed), Ann(1_000, 1_000));
        var appended = Enumerable.Range(0, 20).Select(q => Entry($"appended answer {q}", vector: locomo.QuestionVectors[q])).ToList();

        Assert.Equal(20, index.AddMissing(appended));

        Assert.Equal(3, index.AnnGraphs);
        for (var q = 0; q < appended.Count; q++)
            Assert.Equal(appended[q].Id, index.Query(locomo.Questions[q], DenseTop10, locomo.QuestionVectors[q]).Items[0].Memory.Id);
    }
}
