namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>A memory with everything retrieval needs precomputed at ingest.</summary>
internal sealed class IndexedMemory(MemoryEntry entry, ReadOnlyMemory<float> vector, TermBag text, TermBag date)
{
    public MemoryEntry Entry { get; } = entry;

    /// <summary>Unit length, or empty.</summary>
    public ReadOnlyMemory<float> Vector { get; } = vector;

    public TermBag Text { get; } = text;

    /// <summary>The terms of "8 May 2023", the optional date part of the lexical document.</summary>
    public TermBag Date { get; } = date;

    public int ContextTokens { get; } = ContextLine.EstimateTokens(ContextLine.Render(entry));

    public static IndexedMemory Create(MemoryEntry entry, Func<string, int> termId, VectorSlab vectors) => new(
        entry,
        vectors.AddUnit(entry.Vector),
        TermBag.From(Tokenizer.Tokenize(entry.Text), termId),
        TermBag.From(Tokenizer.Tokenize(ContextLine.DateText(entry.Timestamp)), termId));
}
