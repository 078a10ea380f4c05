namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The per-query parts of fusion: recency, keyword share and the weighted mean.</summary>
internal sealed class Signals(RetrievalSettings settings, DateTimeOffset now, int keywordCount)
{
    private readonly double totalWeight = settings.Bm25Weight + settings.DenseWeight + settings.RecencyWeight + settings.KeywordWeight;

    public double Recency(DateTimeOffset timestamp) =>
        Math.Pow(0.5, Math.Max(0, (now - timestamp).TotalDays) / settings.RecencyHalfLifeDays);

    public double KeywordShare(int hits) => keywordCount == 0 ? 0 : (double)hits / keywordCount;

    public double Fuse(double bm25, double dense, double recency, double keyword) =>
        totalWeight == 0
            ? 0
            : ((settings.Bm25Weight * bm25) + (settings.DenseWeight * dense) + (settings.RecencyWeight * recency) + (settings.KeywordWeight * keyword))
              / totalWeight;

    public ScoredMemory Describe(IndexedMemory memory, int position, ScoreTable table)
    {
        var fused = table.Fused[position];
        var final = table.Final[position];
        var components = new ScoreComponents(
            table.Bm25[position], table.Dense[position], Recency(memory.Entry.Timestamp), KeywordShare(table.KeywordHits[position]),
            final - fused, fused)
        {
            RawBm25 = table.RawBm25[position],
            RawDense = table.RawDense[position],
        };
        return new ScoredMemory(memory.Entry, final, components, memory.ContextTokens);
    }
}
