using System.Text.Json;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class RetrievalSettingsTests
{
    private const string FullMap = """
        {
          "retrieval.top_k": 7, "retrieval.bm25_weight": 0.4, "retrieval.dense_weight": 0.35, "retrieval.recency_weight": 0.1,
          "retrieval.recency_half_life_days": 45, "retrieval.keyword_count": 3, "retrieval.keyword_weight": 0.15,
          "retrieval.min_score": 0.2, "context.max_tokens": 1500, "retrieval.neighbor_weight": 0.5, "retrieval.bm25_k1": 1.4,
          "retrieval.bm25_b": 0.6, "retrieval.fusion": "RRF", "retrieval.rrf_k": 60, "retrieval.lexical_date_prefix": true,
          "retrieval.duplicate_similarity": 0.92, "retrieval.second_embedder": "minilm", "retrieval.second_dense_weight": 0.45,
          "generation.temperature": 0.2
        }
        """;

    [Fact]
    public void Reads_every_factor_of_a_full_map()
    {
        var settings = RetrievalSettings.From(Parse(FullMap));

        Assert.Equal(new RetrievalSettings(7, 0.4, 0.35, 0.1, 45, 3, 0.15, 0.2, 1500, 0.5, 1.4, 0.6, FusionMethod.Rrf, 60, true, 0.92)
        {
            SecondEmbedder = SecondEmbedder.MiniLm,
            SecondDenseWeight = 0.45,
        }, settings);
    }

    [Fact]
    public void Integers_may_be_written_with_a_zero_fraction()
    {
        var map = Parse(FullMap);
        map[RetrievalFactorKeys.TopK] = JsonDocument.Parse("5.0").RootElement;

        Assert.Equal(5, RetrievalSettings.From(map).TopK);
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        foreach (var key in RetrievalFactorKeys.All)
        {
            var map = Parse(FullMap);
            map.Remove(key);

            var error = Assert.Throws<ArgumentException>(() => RetrievalSettings.From(map));

            Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named()
    {
        foreach (var (key, raw) in new[] { ("retrieval.top_k", "2.5"), ("retrieval.fusion", "\"borda\""), ("retrieval.lexical_date_prefix", "1"), ("retrieval.bm25_b", "\"0.7\""), ("retrieval.second_embedder", "\"bert\"") })
        {
            var map = Parse(FullMap);
            map[key] = JsonDocument.Parse(raw).RootElement;

            var error = Assert.Throws<ArgumentException>(() => RetrievalSettings.From(map));

            Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_settings_are_refused_at_query_time()
    {
        var index = new MemoryIndex([]);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", Memories.Settings with { RecencyHalfLifeDays = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", Memories.Settings with { DenseWeight = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", Memories.Settings with { SecondDenseWeight = -1 }));
    }

    private static Dictionary<string, JsonElement> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
