using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Tests.Memories;

public sealed class MemoryIndexCacheAnnTests
{
    private static readonly RetrievalSettings DenseTop20 = new(
        TopK: 20, Bm25Weight: 0, DenseWeight: 1, RecencyWeight: 0, RecencyHalfLifeDays: 30, KeywordCount: 0, KeywordWeight: 0,
        MinScore: 0, MaxContextTokens: 100_000, NeighborWeight: 0, Bm25K1: 1.2, Bm25B: 0.75, Fusion: FusionMethod.Rrf,
        RrfK: 60, LexicalDatePrefix: false, DuplicateSimilarity: 1.01);

    private static readonly IOptions<AnnOptions> LowThreshold = Options.Create(new AnnOptions { Threshold = 10 });

    [Fact]
    public async Task The_cache_builds_indexes_with_the_configured_threshold_and_frees_the_graph_of_an_evicted_one()
    {
        var source = new VectorSource();
        var cache = new MemoryIndexCache(source, Options.Create(new IndexCacheOptions { MaxUsers = 1 }), NullLogger<MemoryIndexCache>.Instance, LowThreshold);

        var evicted = await cache.GetAsync("d", "a", CancellationToken.None);
        Assert.True(evicted.UsesAnn);
        var kept = await cache.GetAsync("d", "b", CancellationToken.None);

        Assert.False(cache.Holds("d", "a"));
        Assert.False(evicted.UsesAnn);
        Assert.True(kept.UsesAnn);
        Assert.Equal(12, HybridRetriever.Retrieve(evicted, "vector note 3", [1, 3, 0, 1], DenseTop20, DateTimeOffset.UnixEpoch).Items.Count);
    }

    [Fact]
    public async Task Forgetting_a_user_frees_the_graph_of_the_cached_index()
    {
        var cache = new MemoryIndexCache(new VectorSource(), Options.Create(new IndexCacheOptions()), NullLogger<MemoryIndexCache>.Instance, LowThreshold);
        var index = await cache.GetAsync("d", "a", CancellationToken.None);

        cache.Forget("d", "a");

        Assert.False(index.UsesAnn);
    }

    [Fact]
    public async Task Without_ann_settings_the_cache_keeps_the_default_threshold()
    {
        var cache = new MemoryIndexCache(new VectorSource(), Options.Create(new IndexCacheOptions()), NullLogger<MemoryIndexCache>.Instance);

        Assert.False((await cache.GetAsync("d", "a", CancellationToken.None)).UsesAnn);
    }

    /// <summary>Twelve memories with 4-dimension vectors for every user.</summary>
    private sealed class VectorSource : IMemorySource
    {
        public Task<IReadOnlyList<MemoryEntry>> LoadAsync(string deploymentId, string userId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<MemoryEntry>>([.. Enumerable.Range(0, 12).Select(i => new MemoryEntry(
                Guid.NewGuid(), $"vector note {i}", null, DateTimeOffset.UnixEpoch, null, "s", i, [1, i, i % 3, 1]))]);
    }
}
