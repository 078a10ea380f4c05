using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Tests.Retrieval;

internal static class Memories
{
    public static readonly DateTimeOffset Today = new(2023, 5, 8, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Lexical-only, min-max, no cuts: each test turns on what it is about.</summary>
    public static RetrievalSettings Settings { get; } = new(
        TopK: 10, Bm25Weight: 1, DenseWeight: 0, RecencyWeight: 0, RecencyHalfLifeDays: 30, KeywordCount: 0, KeywordWeight: 0,
        MinScore: 0, MaxContextTokens: 100_000, NeighborWeight: 0, Bm25K1: 1.2, Bm25B: 0.75, Fusion: FusionMethod.MinMax,
        RrfK: 60, LexicalDatePrefix: false, DuplicateSimilarity: 1.01);

    /// <summary>
    /// The catalog defaults (docs/IMPACT_FACTORS.md): reciprocal-rank fusion of every signal, neighbours, duplicates, a
    /// budget; but a 1,500-token budget, not 2,000, because <see cref="ExactScanPinTests"/>' hashes were computed with it.
    /// </summary>
    public static RetrievalSettings CatalogDefaults { get; } = new(
        TopK: 5, Bm25Weight: 0.7, DenseWeight: 0.3, RecencyWeight: 0.05, RecencyHalfLifeDays: 30, KeywordCount: 5, KeywordWeight: 0.2,
        MinScore: 0, MaxContextTokens: 1500, NeighborWeight: 0.3, Bm25K1: 1.2, Bm25B: 0.75, Fusion: FusionMethod.Rrf, RrfK: 60,
        LexicalDatePrefix: true, DuplicateSimilarity: 0.97);

    /// <summary>The catalog defaults with every other signal on: a speaker boost, wide neighbours, feedback terms, a minimum score, cuts.</summary>
    public static RetrievalSettings SpeakerNeighboursFeedbackCuts { get; } = CatalogDefaults with
    {
        SpeakerWeight = 0.25, NeighborWindow = 2, NeighborWeight = 0.5, PrfTerms = 4, MinScore = 0.3, TopK = 8, MaxContextTokens = 200,
    };

    /// <summary>Everything a result says, scores to the last bit, one line per item, ranked ids last; <see cref="ExactScanPinTests"/> hashes it, so a change here changes its pins.</summary>
    public static string Describe(RetrievalResult result)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"{result.Candidates} {result.BelowMinScore} {result.Duplicates} {result.OverBudget} {result.ContextTokens} {string.Join(',', result.Keywords)}\n");
        foreach (var item in result.Items)
        {
            var c = item.Components;
            text.Append($"{item.Memory.Id} {Bits(item.Score)} {Bits(c.Bm25)} {Bits(c.Dense)} {Bits(c.Recency)} {Bits(c.Keyword)} {Bits(c.Neighbor)} ");
            text.Append($"{Bits(c.Fused)} {Bits(c.RawBm25)} {Bits(c.RawDense)} {Bits(c.Speaker)}\n");
        }

        return text.Append(string.Join(',', result.Ranked.Select(m => m.Id))).Append('\n').ToString();
    }

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("X16");

    public static MemoryEntry Entry(
        string text, DateTimeOffset? at = null, float[]? vector = null, string? speaker = null, string? session = null, int ordinal = 0) =>
        new(Guid.NewGuid(), text, speaker, at ?? Today, null, session, ordinal, vector ?? []);

    public static RetrievalResult Query(this MemoryIndex index, string query, RetrievalSettings settings, float[]? vector = null, float[]? secondVector = null) =>
        HybridRetriever.Retrieve(index, query, vector ?? [], settings, Today, secondVector);

    public static ScoredMemory Item(this RetrievalResult result, MemoryEntry memory) =>
        Assert.Single(result.Items, i => i.Memory.Id == memory.Id);

    public static Guid[] Ids(this RetrievalResult result) => [.. result.Items.Select(i => i.Memory.Id)];
}
