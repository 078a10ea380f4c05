using SelfLearn.Agents.Student.Retrieval;
using static SelfLearn.Agents.Tests.Retrieval.AnnRecall;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>A user's memories spread over several HNSW graphs (<see cref="AnnOptions.ShardSize"/>), searched together.</summary>
public sealed class AnnShardTests(LocomoVectorsFixture locomo) : IClassFixture<LocomoVectorsFixture>
{
    private const int Seed = 15;

    private static AnnOptions Ann(int shardSize) => new() { Threshold = 1_000, ShardSize = shardSize };

    private static AnnOptions Small(int shardSize) =>
        new() { Threshold = 1_000, ShardSize = shardSize, Connectivity = 10, Candidates = 100 };

    [Fact]
    public void Spread_over_four_graphs_the_ann_top_10_loses_at_most_one_percent_of_the_exact_scans_recall()
    {
        var memories = locomo.Memories(8_000, Seed);
        using var sharded = new MemoryIndex(memories, Ann(2_000));

        Assert.Equal(4, sharded.AnnGraphs);
        Assert.InRange(Mean(locomo, sharded, ExactTop10s(locomo, memories)), 0.99, 1.0);
    }

    [Fact]
    public void Near_copies_that_defeat_one_graph_are_found_by_graphs_holding_fewer_of_them()
    {
        // As at a million memories in the benchmark, on a small scale: each turn has about 76 near-copies, almost as many
        // as the beam holds (100) and far more than a node keeps links (2 × 10); 16 graphs hold about 5 of them each.
        var memories = locomo.Memories(32_000, Seed);
        using var one = new MemoryIndex(memories, Small(shardSize: 32_000));
        using var sixteen = new MemoryIndex(memories, Small(shardSize: 2_000));

        var expected = ExactTop10s(locomo, memories);

        Assert.Equal((1, 16), (one.AnnGraphs, sixteen.AnnGraphs));
        Assert.InRange(Mean(locomo, one, expected), 0.0, 0.95);
        Assert.InRange(Mean(locomo, sixteen, expected), 0.99, 1.0);
    }

    [Fact]
    public void Graphs_built_side_by_side_are_the_graphs_built_one_at_a_time()
    {
        // A narrow beam and few links, so that a graph built differently returns other candidates. Each batch below fills
        // exactly one graph: USearch's graph depends on how its inserts were batched, so only the threads differ.
        var memories = locomo.Memories(5_000, Seed);
        using var sideBySide = new MemoryIndex(memories, Small(shardSize: 2_000));
        using var oneAtATime = new MemoryIndex(memories.Take(2_000), Small(shardSize: 2_000));
        oneAtATime.AddMissing(memories.Skip(2_000).Take(2_000));
        oneAtATime.AddMissing(memories.Skip(4_000));

        Assert.Equal((3, 3), (sideBySide.AnnGraphs, oneAtATime.AnnGraphs));
        foreach (var query in locomo.QuestionVectors)
            Assert.Equal(DenseCandidates(sideBySide, query), DenseCandidates(oneAtATime, query));
    }

    [Fact]
    public void Memories_appended_across_a_graph_boundary_are_found()
    {
        using var index = new MemoryIndex(locomo.Memories(1_990, Seed), Ann(1_000));

        AssertAppendedAnswersAreFound(locomo, index);

        Assert.Equal(3, index.AnnGraphs);
    }
}
