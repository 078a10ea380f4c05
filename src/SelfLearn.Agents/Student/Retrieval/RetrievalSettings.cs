using System.Text.Json;
using Keys = SelfLearn.Agents.Student.Retrieval.RetrievalFactorKeys;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>Every knob of <see cref="HybridRetriever"/>; each one is an impact factor (<see cref="RetrievalFactorKeys"/>).</summary>
/// <param name="TopK">How many memories are returned at most.</param>
/// <param name="Bm25Weight">Weight of the normalised BM25 score in the fused score.</param>
/// <param name="DenseWeight">Weight of the normalised dense similarity in the fused score.</param>
/// <param name="RecencyWeight">Weight of the recency decay 0.5^(age / half-life).</param>
/// <param name="RecencyHalfLifeDays">Age in days at which the recency score halves.</param>
/// <param name="KeywordCount">How many of the query's highest-idf terms count as keywords.</param>
/// <param name="KeywordWeight">Weight of the share of keywords a memory contains.</param>
/// <param name="MinScore">Final score below which a memory is dropped.</param>
/// <param name="MaxContextTokens">Token budget of the packed context (estimate: ceil(chars / 4) of <see cref="ContextLine"/>).</param>
/// <param name="NeighborWeight">Share of the best fused score of its adjacent turns that a memory inherits.</param>
/// <param name="Bm25K1">BM25 term-frequency saturation.</param>
/// <param name="Bm25B">BM25 document-length normalisation, 0..1.</param>
/// <param name="Fusion">How BM25 and dense scores are normalised before weighting.</param>
/// <param name="RrfK">The k of reciprocal-rank fusion.</param>
/// <param name="LexicalDatePrefix">Whether a memory's date ("8 May 2023") is part of its lexical document.</param>
/// <param name="DuplicateSimilarity">Similarity (cosine, or token Jaccard without vectors) at which a lower-ranked memory is a near-duplicate.</param>
public sealed record RetrievalSettings(
    int TopK,
    double Bm25Weight,
    double DenseWeight,
    double RecencyWeight,
    double RecencyHalfLifeDays,
    int KeywordCount,
    double KeywordWeight,
    double MinScore,
    int MaxContextTokens,
    double NeighborWeight,
    double Bm25K1,
    double Bm25B,
    FusionMethod Fusion,
    int RrfK,
    bool LexicalDatePrefix,
    double DuplicateSimilarity)
{
    /// <summary>How many turns before and after, in the same session, a memory inherits from; a turn d steps away passes on 1/d.</summary>
    public int NeighborWindow { get; init; } = 1;

    /// <summary>How many expansion terms pseudo-relevance feedback adds to the lexical query; 0 turns it off.</summary>
    public int PrfTerms { get; init; }

    /// <summary>How many of the first lexical pass's best hits the expansion terms come from.</summary>
    public int PrfDocs { get; init; } = 3;

    /// <summary>Weight of the expansion terms' BM25 score next to the original terms'.</summary>
    public double PrfWeight { get; init; } = 0.5;

    /// <summary>Weight of the speaker signal (1 when the memory's speaker is named in the question) in the fused score.</summary>
    public double SpeakerWeight { get; init; }

    /// <summary>Reads a configuration's parameter map; callers merge the catalog defaults first.</summary>
    /// <exception cref="ArgumentException">A key is missing or its value has the wrong type; the message names the key.</exception>
    public static RetrievalSettings From(IReadOnlyDictionary<string, JsonElement> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var read = new FactorReader(parameters);
        return new RetrievalSettings(
            read.Int(Keys.TopK),
            read.Double(Keys.Bm25Weight),
            read.Double(Keys.DenseWeight),
            read.Double(Keys.RecencyWeight),
            read.Double(Keys.RecencyHalfLifeDays),
            read.Int(Keys.KeywordCount),
            read.Double(Keys.KeywordWeight),
            read.Double(Keys.MinScore),
            read.Int(Keys.MaxContextTokens),
            read.Double(Keys.NeighborWeight),
            read.Double(Keys.Bm25K1),
            read.Double(Keys.Bm25B),
            read.Fusion(Keys.Fusion),
            read.Int(Keys.RrfK),
            read.Bool(Keys.LexicalDatePrefix),
            read.Double(Keys.DuplicateSimilarity))
        {
            NeighborWindow = read.Int(Keys.NeighborWindow, min: 1),
            PrfTerms = read.Int(Keys.PrfTerms, min: 0),
            PrfDocs = read.Int(Keys.PrfDocs, min: 1),
            PrfWeight = read.Double(Keys.PrfWeight, min: 0),
            SpeakerWeight = read.Double(Keys.SpeakerWeight, min: 0),
            SecondEmbedder = read.SecondEmbedder(Keys.SecondEmbedder),
            SecondDenseWeight = read.Double(Keys.SecondDenseWeight),
        };
    }

    /// <summary>The second dense model, if any; its cosine is fused with <see cref="SecondDenseWeight"/>.</summary>
    public SecondEmbedder SecondEmbedder { get; init; }

    /// <summary>Weight of the second model's normalised cosine; counts only when <see cref="SecondEmbedder"/> is not none.</summary>
    public double SecondDenseWeight { get; init; }

    /// <summary>The weight the second model's signal actually gets: 0 without a second model.</summary>
    internal double EffectiveSecondDenseWeight => SecondEmbedder == SecondEmbedder.None ? 0 : SecondDenseWeight;

    internal void EnsureValid()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(TopK);
        ArgumentOutOfRangeException.ThrowIfNegative(KeywordCount);
        ArgumentOutOfRangeException.ThrowIfNegative(RrfK);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecencyHalfLifeDays);
        ArgumentOutOfRangeException.ThrowIfNegative(Bm25K1);
        ArgumentOutOfRangeException.ThrowIfNegative(Bm25B);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Bm25B, 1);
        foreach (var weight in (ReadOnlySpan<double>)[Bm25Weight, DenseWeight, RecencyWeight, KeywordWeight, NeighborWeight, SecondDenseWeight])
            ArgumentOutOfRangeException.ThrowIfNegative(weight);
        ArgumentOutOfRangeException.ThrowIfLessThan(NeighborWindow, 1, Keys.NeighborWindow);
        ArgumentOutOfRangeException.ThrowIfNegative(PrfTerms, Keys.PrfTerms);
        ArgumentOutOfRangeException.ThrowIfLessThan(PrfDocs, 1, Keys.PrfDocs);
        ArgumentOutOfRangeException.ThrowIfNegative(PrfWeight, Keys.PrfWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(SpeakerWeight, Keys.SpeakerWeight);
    }
}
