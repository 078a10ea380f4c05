using System.Text.Json;

namespace SelfLearn.Domain.ImpactFactors;

/// <summary>The factors of the reference MaaS, seeded on first start; docs/IMPACT_FACTORS.md describes each.</summary>
public static class DefaultCatalog
{
    public const string SeededBy = "system:seed";

    public static IReadOnlyList<FactorRegistered> Factors { get; } =
    [
        Number("retrieval.top_k", FactorType.Int, 1, 50, 1, 5, "items", "How many memories retrieval returns after fusion, threshold and de-duplication."),
        Number("retrieval.bm25_weight", FactorType.Float, 0, 1, 0.05m, 0.7m, null, "Weight of the lexical (BM25) score in the fused retrieval score."),
        Number("retrieval.dense_weight", FactorType.Float, 0, 1, 0.05m, 0.3m, null, "Weight of the dense-embedding similarity in the fused retrieval score."),
        Factor("retrieval.second_embedder", FactorType.Enum, new FactorBounds(AllowedValues: ["none", "minilm"]), Json("\"none\""), null,
            "A second dense model (all-MiniLM-L6-v2) whose cosine is one more signal in the fused retrieval score, or none.", FactorZone.Auto),
        Number("retrieval.second_dense_weight", FactorType.Float, 0, 1, 0.05m, 0.3m, null,
            "Weight of the second dense model's similarity in the fused retrieval score (only when a second embedder is on)."),
        Number("retrieval.recency_weight", FactorType.Float, 0, 1, 0.05m, 0.05m, null, "Weight of the recency decay in the fused retrieval score."),
        Number("retrieval.recency_half_life_days", FactorType.Float, 1, 3650, null, 30, "days", "Age at which a memory's recency score halves."),
        Number("retrieval.keyword_count", FactorType.Int, 0, 20, 1, 5, "terms", "How many of the most informative query terms get a keyword boost."),
        Number("retrieval.min_score", FactorType.Float, 0, 1, 0.01m, 0, null, "Fused score below which a memory is dropped."),
        Number("retrieval.keyword_weight", FactorType.Float, 0, 1, 0.05m, 0.2m, null, "Weight of the keyword boost in the fused retrieval score."),
        Number("retrieval.neighbor_weight", FactorType.Float, 0, 1, 0.05m, 0.3m, null,
            "Share of the best score of its adjacent turns (same session) that a memory inherits."),
        Number("retrieval.neighbor_window", FactorType.Int, 1, 5, 1, 1, "turns",
            "How many turns before and after (same session) a memory inherits from; a turn d steps away passes on 1/d of its share."),
        Number("retrieval.bm25_k1", FactorType.Float, 0.1m, 3, 0.05m, 1.2m, null, "BM25 term-frequency saturation."),
        Number("retrieval.bm25_b", FactorType.Float, 0, 1, 0.05m, 0.75m, null, "BM25 document-length normalisation."),
        Factor("retrieval.fusion", FactorType.Enum, new FactorBounds(AllowedValues: ["zscore", "minmax", "rrf"]), Json("\"rrf\""), null,
            "How lexical and dense scores are normalised before weighting: z-score (normal CDF), min-max, or reciprocal rank.", FactorZone.Auto),
        Number("retrieval.rrf_k", FactorType.Int, 1, 500, 1, 60, null, "Rank offset of reciprocal-rank fusion."),
        Factor("retrieval.lexical_date_prefix", FactorType.Bool, new FactorBounds(), Json("true"), null,
            "Index each memory's date with its text on the lexical side, so dated questions match.", FactorZone.Auto),
        Number("retrieval.prf_terms", FactorType.Int, 0, 20, 1, 0, "terms",
            "Pseudo-relevance feedback: how many of the highest-idf terms of the first lexical pass's top hits expand the BM25 query (0 = off)."),
        Number("retrieval.prf_docs", FactorType.Int, 1, 10, 1, 3, "items", "Pseudo-relevance feedback: how many top lexical hits the expansion terms come from."),
        Number("retrieval.prf_weight", FactorType.Float, 0, 1, 0.05m, 0.5m, null, "Pseudo-relevance feedback: weight of the expansion terms' BM25 score."),
        Number("retrieval.speaker_weight", FactorType.Float, 0, 1, 0.05m, 0, null,
            "Weight, in the fused retrieval score, of the signal that a memory's speaker is named in the question."),
        Number("retrieval.duplicate_similarity", FactorType.Float, 0.5m, 1, 0.01m, 0.97m, null,
            "Similarity at or above which a lower-ranked memory counts as a near-duplicate and is dropped."),
        Number("context.max_tokens", FactorType.Int, 128, 32000, 1, 2000, "tokens", "Token budget for the retrieved context packed into the prompt."),
        Factor("generation.system_prompt_version", FactorType.Text, new FactorBounds(), Json("\"answer-v1\""), null,
            "Reference to the system prompt template used for answers: the instructions a real language model reads (the offline answerer ignores them).", FactorZone.Manual),
        Number("generation.support_threshold", FactorType.Float, 0, 1, 0.01m, 0.29m, null, "Sentence support below which the offline answerer abstains."),
        Number("generation.temperature", FactorType.Float, 0, 2, 0.05m, 0.2m, null, "Sampling temperature of answer generation (seeded variation offline)."),
        Factor("generation.model", FactorType.Text, new FactorBounds(), Json("\"offline-extractive\""), null,
            "The answer model; frozen because changing it is a product decision, not a tuning step.", FactorZone.Frozen),
        Factor("security.row_level_security", FactorType.Bool, new FactorBounds(), Json("true"), null,
            "Per-user isolation of memories; frozen because turning it off would leak users' data.", FactorZone.Frozen),
    ];

    private static FactorRegistered Number(string key, FactorType type, decimal min, decimal max, decimal? step, decimal value, string? unit, string description) =>
        Factor(key, type, new FactorBounds(min, max, step), Json(value.ToString(System.Globalization.CultureInfo.InvariantCulture)), unit, description, FactorZone.Auto);

    private static FactorRegistered Factor(string key, FactorType type, FactorBounds bounds, JsonElement value, string? unit, string description, FactorZone zone) =>
        new(key, type, bounds, value, unit, description, zone, SeededBy);

    private static JsonElement Json(string raw) => JsonDocument.Parse(raw).RootElement.Clone();
}
