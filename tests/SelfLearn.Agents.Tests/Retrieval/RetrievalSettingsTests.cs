using System.Text.Json;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Domain.ImpactFactors;

namespace SelfLearn.Agents.Tests.Retrieval;

public sealed class RetrievalSettingsTests
{
    private const string FullMap = """
        {
          "retrieval.top_k": 7, "retrieval.bm25_weight": 0.4, "retrieval.dense_weight": 0.35, "retrieval.recency_weight": 0.1,
          "retrieval.recency_half_life_days": 45, "retrieval.keyword_count": 3, "retrieval.keyword_weight": 0.15,
          "retrieval.min_score": 0.2, "context.max_tokens": 1500, "retrieval.neighbor_weight": 0.5, "retrieval.bm25_k1": 1.4,
          "retrieval.bm25_b": 0.6, "retrieval.fusion": "RRF", "retrieval.rrf_k": 60, "retrieval.lexical_date_prefix": true,
          "retrieval.duplicate_similarity": 0.92, "retrieval.neighbor_window": 2, "retrieval.prf_terms": 4, "retrieval.prf_docs": 2,
          "retrieval.prf_weight": 0.35, "retrieval.speaker_weight": 0.25, "retrieval.second_embedder": "minilm", "retrieval.second_dense_weight": 0.45,
          "generation.temperature": 0.2
        }
        """;

    [Fact]
    public void Reads_every_factor_of_a_full_map()
    {
        var settings = RetrievalSettings.From(Parse(FullMap));

        Assert.Equal(
            new RetrievalSettings(7, 0.4, 0.35, 0.1, 45, 3, 0.15, 0.2, 1500, 0.5, 1.4, 0.6, FusionMethod.Rrf, 60, true, 0.92)
            {
                NeighborWindow = 2, PrfTerms = 4, PrfDocs = 2, PrfWeight = 0.35, SpeakerWeight = 0.25,
                SecondEmbedder = SecondEmbedder.MiniLm, SecondDenseWeight = 0.45,
            },
            settings);
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
        foreach (var (key, raw) in new[]
                 {
                     ("retrieval.top_k", "2.5"), ("retrieval.fusion", "\"borda\""), ("retrieval.lexical_date_prefix", "1"), ("retrieval.bm25_b", "\"0.7\""),
                     ("retrieval.neighbor_window", "1.5"), ("retrieval.prf_terms", "true"), ("retrieval.prf_docs", "\"3\""), ("retrieval.prf_weight", "null"),
                     ("retrieval.speaker_weight", "\"0.1\""), ("retrieval.second_embedder", "\"bert\""),
                 })
        {
            var map = Parse(FullMap);
            map[key] = JsonDocument.Parse(raw).RootElement;

            var error = Assert.Throws<ArgumentException>(() => RetrievalSettings.From(map));

            Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("retrieval.neighbor_window", "0", "an integer of at least 1")]
    [InlineData("retrieval.neighbor_window", "-1", "an integer of at least 1")]
    [InlineData("retrieval.prf_terms", "-1", "an integer of at least 0")]
    [InlineData("retrieval.prf_docs", "0", "an integer of at least 1")]
    [InlineData("retrieval.prf_weight", "-0.05", "a number of at least 0")]
    [InlineData("retrieval.speaker_weight", "-0.5", "a number of at least 0")]
    public void A_value_below_its_meaningful_range_is_refused_with_the_key_named(string key, string raw, string expected)
    {
        var map = Parse(FullMap);
        map[key] = JsonDocument.Parse(raw).RootElement;

        var error = Assert.Throws<ArgumentException>(() => RetrievalSettings.From(map));

        Assert.Equal($"Retrieval parameter '{key}' must be {expected}. (Parameter 'parameters')", error.Message);
    }

    [Fact]
    public void Invalid_settings_are_refused_at_query_time()
    {
        var index = new MemoryIndex([]);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", Memories.Settings with { RecencyHalfLifeDays = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", Memories.Settings with { DenseWeight = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", Memories.Settings with { SecondDenseWeight = -1 }));
        foreach (var (settings, key) in new[]
                 {
                     (Memories.Settings with { NeighborWindow = 0 }, RetrievalFactorKeys.NeighborWindow),
                     (Memories.Settings with { PrfTerms = -1 }, RetrievalFactorKeys.PrfTerms),
                     (Memories.Settings with { PrfDocs = 0 }, RetrievalFactorKeys.PrfDocs),
                     (Memories.Settings with { PrfWeight = -0.1 }, RetrievalFactorKeys.PrfWeight),
                     (Memories.Settings with { SpeakerWeight = -0.1 }, RetrievalFactorKeys.SpeakerWeight),
                 })
            Assert.Equal(key, Assert.Throws<ArgumentOutOfRangeException>(() => index.Query("x", settings)).ParamName);
    }

    [Fact]
    public void The_seeded_defaults_of_the_window_expansion_and_speaker_factors_are_the_values_that_leave_them_off()
    {
        var seeded = RetrievalSettings.From(DefaultCatalog.Factors.ToDictionary(f => f.Key, f => f.Default, StringComparer.Ordinal));

        Assert.Equal((1, 0, 3, 0.5, 0.0), (seeded.NeighborWindow, seeded.PrfTerms, seeded.PrfDocs, seeded.PrfWeight, seeded.SpeakerWeight));
        var unnamed = Memories.Settings;
        Assert.Equal((1, 0, 3, 0.5, 0.0), (unnamed.NeighborWindow, unnamed.PrfTerms, unnamed.PrfDocs, unnamed.PrfWeight, unnamed.SpeakerWeight));
    }

    private static Dictionary<string, JsonElement> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
