namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The impact-factor keys that <see cref="RetrievalSettings.From"/> reads.</summary>
public static class RetrievalFactorKeys
{
    public const string TopK = "retrieval.top_k";
    public const string Bm25Weight = "retrieval.bm25_weight";
    public const string DenseWeight = "retrieval.dense_weight";
    public const string RecencyWeight = "retrieval.recency_weight";
    public const string RecencyHalfLifeDays = "retrieval.recency_half_life_days";
    public const string KeywordCount = "retrieval.keyword_count";
    public const string KeywordWeight = "retrieval.keyword_weight";
    public const string MinScore = "retrieval.min_score";
    public const string MaxContextTokens = "context.max_tokens";
    public const string NeighborWeight = "retrieval.neighbor_weight";
    public const string Bm25K1 = "retrieval.bm25_k1";
    public const string Bm25B = "retrieval.bm25_b";
    public const string Fusion = "retrieval.fusion";
    public const string RrfK = "retrieval.rrf_k";
    public const string LexicalDatePrefix = "retrieval.lexical_date_prefix";
    public const string DuplicateSimilarity = "retrieval.duplicate_similarity";
    public const string NeighborWindow = "retrieval.neighbor_window";
    public const string PrfTerms = "retrieval.prf_terms";
    public const string PrfDocs = "retrieval.prf_docs";
    public const string PrfWeight = "retrieval.prf_weight";
    public const string SpeakerWeight = "retrieval.speaker_weight";
    public const string SecondEmbedder = "retrieval.second_embedder";
    public const string SecondDenseWeight = "retrieval.second_dense_weight";

    public static IReadOnlyList<string> All { get; } =
    [
        TopK, Bm25Weight, DenseWeight, RecencyWeight, RecencyHalfLifeDays, KeywordCount, KeywordWeight, MinScore,
        MaxContextTokens, NeighborWeight, Bm25K1, Bm25B, Fusion, RrfK, LexicalDatePrefix, DuplicateSimilarity,
        NeighborWindow, PrfTerms, PrfDocs, PrfWeight, SpeakerWeight,
        SecondEmbedder, SecondDenseWeight,
    ];
}
