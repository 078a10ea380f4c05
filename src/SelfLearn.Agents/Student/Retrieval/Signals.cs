namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The per-query parts of fusion: recency, keyword share, speaker and the weighted mean.</summary>
internal sealed class Signals(RetrievalSettings settings, DateTimeOffset now, int keywordCount, string question)
{
    private readonly double secondWeight = settings.EffectiveSecondDenseWeight;
    private readonly double totalWeight =
        settings.Bm25Weight + settings.DenseWeight + settings.RecencyWeight + settings.KeywordWeight + settings.SpeakerWeight
        + settings.EffectiveSecondDenseWeight;

    private readonly SpeakerMentions speakers = new(question);
    private readonly long nowTicks = now.UtcTicks;

    public bool UsesSpeaker => settings.SpeakerWeight > 0;

    public double Recency(DateTimeOffset timestamp) => Recency(timestamp.UtcTicks);

    /// <summary>The same value as for the timestamp itself: a difference of offsets is a difference of UTC ticks.</summary>
    public double Recency(long utcTicks) =>
        Math.Pow(0.5, Math.Max(0, new TimeSpan(nowTicks - utcTicks).TotalDays) / settings.RecencyHalfLifeDays);

    public double KeywordShare(int hits) => keywordCount == 0 ? 0 : (double)hits / keywordCount;

    public double Speaker(string? speaker) => speakers.Signal(speaker);

    /// <remarks>
    /// A signal whose weight is 0 (no speaker boost, no second model) adds 0 to both sums, which leaves them bit for bit
    /// what they were without it.
    /// </remarks>
    public double Fuse(double bm25, double dense, double recency, double keyword, double speaker, double secondDense = 0) =>
        totalWeight == 0
            ? 0
            : ((settings.Bm25Weight * bm25) + (settings.DenseWeight * dense) + (settings.RecencyWeight * recency) + (settings.KeywordWeight * keyword)
               + (settings.SpeakerWeight * speaker) + (secondWeight * secondDense))
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
            SecondDense = table.SecondDense[position],
            RawSecondDense = table.RawSecondDense[position],
        };
        return new ScoredMemory(memory.Entry, final, components, memory.ContextTokens);
    }
}
