using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Domain.Teacher.Metrics;
using static SelfLearn.Agents.Tests.Retrieval.Memories;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>The ranking before the cuts, which ranking metrics at depth k read: the same whatever top k, minimum score or budget.</summary>
public sealed class RankedListTests
{
    private readonly MemoryEntry both = Entry("violin concert tickets");
    private readonly MemoryEntry violin = Entry("violin strings");
    private readonly MemoryEntry neither = Entry("football match");

    private static Guid[] Ranked(RetrievalResult result) => [.. result.Ranked.Select(m => m.Id)];

    [Fact]
    public void Top_k_min_score_and_budget_cut_the_items_but_not_the_ranking()
    {
        var index = new MemoryIndex([neither, violin, both]);
        var uncut = index.Query("violin concert", Settings);

        var cut = index.Query("violin concert", Settings with { TopK = 1, MinScore = 0.99, MaxContextTokens = 1 });

        Assert.Equal([both.Id, violin.Id, neither.Id], uncut.Ids());
        Assert.Empty(cut.Ids());
        Assert.Equal(uncut.Ids(), Ranked(cut));
        Assert.Equal(uncut.Ids(), Ranked(uncut));
    }

    [Fact]
    public void Near_duplicates_of_a_better_memory_are_left_out_of_the_ranking_too()
    {
        var original = Entry("We adopted a puppy named Max");
        var copy = Entry("We adopted a puppy named Max yesterday");
        var different = Entry("Max likes the park");
        var index = new MemoryIndex([original, copy, different]);

        var result = index.Query("adopted puppy Max", Settings with { DuplicateSimilarity = 0.8, TopK = 1 });

        Assert.Equal([original.Id], result.Ids());
        Assert.Equal([original.Id, different.Id], Ranked(result));
    }

    [Fact]
    public void The_ranking_stops_at_the_deepest_reported_cut_off()
    {
        var memories = Enumerable.Range(0, 70).Select(i => Entry($"violin note {i}")).ToList();
        var index = new MemoryIndex(memories);

        var result = index.Query("violin", Settings with { TopK = 3 });

        Assert.Equal(HybridRetriever.RankedDepth, MetricRegistry.Depths.Max());
        Assert.Equal(HybridRetriever.RankedDepth, result.Ranked.Count);
        Assert.Equal(result.Ids(), Ranked(result)[..3]);
        Assert.Equal(HybridRetriever.RankedDepth, Ranked(result).Distinct().Count());
    }
}
