namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The per-query parts of fusion: recency, keyword share and the weighted mean.</summary>
internal sealed class Signals(RetrievalSettings settings, DateTimeOffset now, int keywordCount)
{
    private readonly double secondWeight = settings.EffectiveSecondDenseWeight;
    private readonly double totalWeight =
        settings.Bm25Weight + settings.DenseWeight + settings.RecencyWeight + settings.KeywordWeight + settings.EffectiveSecondDenseWeight;

    public double Recency(DateTimeOffset timestamp) =>
        Math.Pow(0.5, Math.Max(0, (now - timestamp).TotalDays) / settings.RecencyHalfLifeDays);

    public double KeywordShare(int hits) => keywordCount == 0 ? 0 : (double)hits / keywordCount;

    /// <remarks>Without a second model its weight and signal are 0, and adding 0 leaves every sum bit for bit unchanged.</remarks>
    public double Fuse(double bm25, double dense, double recency, double keyword, double secondDense = 0) =>
        totalWeight == 0
            ? 0
            : ((settings.Bm25Weight * bm25) + (settings.DenseWeight * dense) + (settings.RecencyWeight * recency) + (settings.KeywordWeight * keyword)
               + (secondWeight * secondDense))
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
            SecondDense = table.SecondDense[position],
            RawSecondDense = table.RawSecondDense[position],
        };
        return new ScoredMemory(memory.Entry, final, components, memory.ContextTokens);
    }
}
