namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The parts of a memory's score, each in [0, 1].</summary>
/// <param name="Bm25">Lexical score after <see cref="RetrievalSettings.Fusion"/> normalisation (raw value in <see cref="RawBm25"/>).</param>
/// <param name="Dense">Cosine similarity after normalisation (raw value in <see cref="RawDense"/>).</param>
/// <param name="Recency">0.5^(age / half-life).</param>
/// <param name="Keyword">Share of the query's keywords the memory contains.</param>
/// <param name="Neighbor">What the memory inherited from an adjacent turn: final score minus <paramref name="Fused"/>.</param>
/// <param name="Fused">Weighted mean of the four signals and <see cref="Speaker"/>.</param>
public sealed record ScoreComponents(double Bm25, double Dense, double Recency, double Keyword, double Neighbor, double Fused)
{
    public double RawBm25 { get; init; }

    public double RawDense { get; init; }

    /// <summary>1 when the memory's speaker is named in the question, else 0 (see <see cref="RetrievalSettings.SpeakerWeight"/>).</summary>
    public double Speaker { get; init; }

    /// <summary>The second model's cosine after normalisation; 0 when <c>retrieval.second_embedder</c> is none.</summary>
    public double SecondDense { get; init; }

    public double RawSecondDense { get; init; }
}

/// <param name="Score">Final score: <see cref="ScoreComponents.Fused"/> plus <see cref="ScoreComponents.Neighbor"/>.</param>
/// <param name="ContextTokens">Estimated tokens of the memory's <see cref="ContextLine"/>.</param>
public sealed record ScoredMemory(MemoryEntry Memory, double Score, ScoreComponents Components, int ContextTokens);
