using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

public sealed class CachedEmbedderTests
{
    private readonly CountingEmbedder _inner = new();
    private readonly InMemoryEmbeddingCache _cache = new();

    [Fact]
    public void Only_texts_missing_from_the_cache_reach_the_inner_embedder()
    {
        var embedder = new CachedEmbedder(_inner, _cache);
        embedder.Embed(["alpha", "beta"], EmbeddingKind.Passage);

        var vectors = embedder.Embed(["beta", "gamma", "alpha", "gamma"], EmbeddingKind.Passage);

        Assert.Equal(["alpha", "beta", "gamma"], _inner.Embedded);
        Assert.Equal([CountingEmbedder.VectorFor("Passagebeta"), CountingEmbedder.VectorFor("Passagegamma"),
            CountingEmbedder.VectorFor("Passagealpha"), CountingEmbedder.VectorFor("Passagegamma")], vectors);
    }

    [Fact]
    public void A_query_and_a_passage_with_the_same_text_are_cached_apart()
    {
        var embedder = new CachedEmbedder(_inner, _cache);

        embedder.Embed(["alpha"], EmbeddingKind.Passage);
        var query = embedder.Embed(["alpha"], EmbeddingKind.Query)[0];

        Assert.Equal(["alpha", "alpha"], _inner.Embedded);
        Assert.Equal(CountingEmbedder.VectorFor("Queryalpha"), query);
    }

    [Fact]
    public void A_fully_cached_call_does_not_touch_the_inner_embedder_and_reports_all_done()
    {
        var embedder = new CachedEmbedder(_inner, _cache);
        embedder.Embed(["alpha", "beta"], EmbeddingKind.Passage);
        _inner.Embedded.Clear();
        var reports = new List<int>();

        embedder.Embed(["beta", "alpha"], EmbeddingKind.Passage, new SynchronousProgress(reports.Add));

        Assert.Empty(_inner.Embedded);
        Assert.Equal([2], reports);
    }

    [Fact]
    public void Progress_counts_hits_first_then_the_embedded_misses()
    {
        var embedder = new CachedEmbedder(_inner, _cache);
        embedder.Embed(["alpha"], EmbeddingKind.Passage);
        var reports = new List<int>();

        embedder.Embed(["alpha", "beta", "gamma"], EmbeddingKind.Passage, new SynchronousProgress(reports.Add));

        Assert.Equal(1, reports[0]);
        Assert.Equal(3, reports[^1]);
    }

    [Fact]
    public async Task Asynchronous_calls_embed_only_the_misses_once_and_store_them()
    {
        var embedder = new CachedEmbedder(_inner, _cache);
        await embedder.EmbedAsync(["alpha"], EmbeddingKind.Passage);

        var vectors = await embedder.EmbedAsync(["beta", "alpha", "beta"], EmbeddingKind.Passage);

        Assert.Equal(["alpha", "beta"], _inner.Embedded);
        Assert.Equal([CountingEmbedder.VectorFor("Passagebeta"), CountingEmbedder.VectorFor("Passagealpha"),
            CountingEmbedder.VectorFor("Passagebeta")], vectors);
        Assert.Equal(2, _cache.Count);
    }

    [Fact]
    public void Keys_depend_on_model_kind_and_text()
    {
        var key = EmbeddingCacheKey.For("m", EmbeddingKind.Passage, "text");

        Assert.Equal(64, key.Length);
        Assert.Equal(key, EmbeddingCacheKey.For("m", EmbeddingKind.Passage, "text"));
        Assert.NotEqual(key, EmbeddingCacheKey.For("m2", EmbeddingKind.Passage, "text"));
        Assert.NotEqual(key, EmbeddingCacheKey.For("m", EmbeddingKind.Query, "text"));
        Assert.NotEqual(key, EmbeddingCacheKey.For("m", EmbeddingKind.Passage, "text2"));
    }
}
