using System.Text.Json;

namespace SelfLearn.Domain.ImpactFactors;

/// <summary>The factors of the reference MaaS, seeded on first start; docs/IMPACT_FACTORS.md describes each.</summary>
public static class DefaultCatalog
{
    public const string SeededBy = "system:seed";

    public static IReadOnlyList<FactorRegistered> Factors { get; } =
    [
        Number("retrieval.top_k", FactorType.Int, 1, 50, 1, 5, "items", "How many memories retrieval returns after fusion, threshold and de-duplication."),
        Number("retrieval.bm25_weight", FactorType.Float, 0, 1, 0.05m, 0.5m, null, "Weight of the lexical (BM25) score in the fused retrieval score."),
        Number("retrieval.dense_weight", FactorType.Float, 0, 1, 0.05m, 0.5m, null, "Weight of the dense-embedding similarity in the fused retrieval score."),
        Number("retrieval.recency_weight", FactorType.Float, 0, 1, 0.05m, 0.1m, null, "Weight of the recency decay in the fused retrieval score."),
        Number("retrieval.recency_half_life_days", FactorType.Float, 1, 3650, null, 30, "days", "Age at which a memory's recency score halves."),
        Number("retrieval.keyword_count", FactorType.Int, 0, 20, 1, 5, "terms", "How many of the most informative query terms get a keyword boost."),
        Number("retrieval.min_score", FactorType.Float, 0, 1, 0.01m, 0, null, "Fused score below which a memory is dropped."),
        Number("context.max_tokens", FactorType.Int, 128, 32000, 1, 2000, "tokens", "Token budget for the retrieved context packed into the prompt."),
        Factor("generation.system_prompt_version", FactorType.Text, new FactorBounds(), Json("\"answer-v1\""), null,
            "Reference to the system prompt template (and its abstention threshold) used for answers.", FactorZone.Manual),
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
