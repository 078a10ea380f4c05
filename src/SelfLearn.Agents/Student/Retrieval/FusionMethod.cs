namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>How the lexical and dense scores are brought into [0, 1] before weighting.</summary>
public enum FusionMethod
{
    /// <summary>Standard normal CDF of the score's z-score over all memories; 0 when all scores are equal.</summary>
    ZScore,

    /// <summary>(x - min) / (max - min); 0 when max equals min.</summary>
    MinMax,

    /// <summary>Reciprocal rank (1 / (k + rank)) scaled so rank 1 gives 1; ties share a rank, a raw score of 0 gives 0.</summary>
    Rrf,
}
