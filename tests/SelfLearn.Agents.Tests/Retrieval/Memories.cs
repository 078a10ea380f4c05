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

    public static MemoryEntry Entry(
        string text, DateTimeOffset? at = null, float[]? vector = null, string? speaker = null, string? session = null, int ordinal = 0) =>
        new(Guid.NewGuid(), text, speaker, at ?? Today, null, session, ordinal, vector ?? []);

    public static RetrievalResult Query(this MemoryIndex index, string query, RetrievalSettings settings, float[]? vector = null, float[]? secondVector = null) =>
        HybridRetriever.Retrieve(index, query, vector ?? [], settings, Today, secondVector);

    public static ScoredMemory Item(this RetrievalResult result, MemoryEntry memory) =>
        Assert.Single(result.Items, i => i.Memory.Id == memory.Id);

    public static Guid[] Ids(this RetrievalResult result) => [.. result.Items.Select(i => i.Memory.Id)];
}
