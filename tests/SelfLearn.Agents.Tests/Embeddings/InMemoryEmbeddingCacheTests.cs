using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

public sealed class InMemoryEmbeddingCacheTests
{
    [Fact]
    public void The_least_recently_used_vector_goes_first_when_full()
    {
        var cache = new InMemoryEmbeddingCache(capacity: 2);
        cache.PutMany("m", new Dictionary<string, float[]> { ["a"] = [1f], ["b"] = [2f] });
        cache.GetMany(["a"]);

        cache.PutMany("m", new Dictionary<string, float[]> { ["c"] = [3f] });

        Assert.Equal(2, cache.Count);
        Assert.Equal(["a", "c"], cache.GetMany(["a", "b", "c"]).Keys.Order());
    }

    [Fact]
    public void A_stored_key_keeps_its_first_vector()
    {
        var cache = new InMemoryEmbeddingCache();
        cache.PutMany("m", new Dictionary<string, float[]> { ["a"] = [1f] });

        cache.PutMany("m", new Dictionary<string, float[]> { ["a"] = [9f] });

        Assert.Equal([1f], cache.GetMany(["a"])["a"]);
    }
}
