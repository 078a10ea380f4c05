namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The per-query parts of fusion: recency, keyword share, speaker and the weighted mean.</summary>
internal sealed class Signals(RetrievalSettings settings, DateTimeOffset now, int keywordCount, string question)
{
    private readonly double totalWeight =
        settings.Bm25Weight + settings.DenseWeight + settings.RecencyWeight + settings.KeywordWeight + settings.SpeakerWeight;

    private readonly SpeakerMentions speakers = new(question);

    public bool UsesSpeaker => settings.SpeakerWeight > 0;

    public double Recency(DateTimeOffset timestamp) =>
        Math.Pow(0.5, Math.Max(0, (now - timestamp).TotalDays) / settings.RecencyHalfLifeDays);

    public double KeywordShare(int hits) => keywordCount == 0 ? 0 : (double)hits / keywordCount;

    public double Speaker(string? speaker) => speakers.Signal(speaker);

    public double Fuse(double bm25, double dense, double recency, double keyword, double speaker) =>
        totalWeight == 0
            ? 0
            : ((settings.Bm25Weight * bm25) + (settings.DenseWeight * dense) + (settings.RecencyWeight * recency) + (settings.KeywordWeight * keyword)
               + (settings.SpeakerWeight * speaker))
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
            Speaker = Speaker(memory.Entry.Speaker),
        };
        return new ScoredMemory(memory.Entry, final, components, memory.ContextTokens);
    }
}
