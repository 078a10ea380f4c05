namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>Asymmetric retrieval models embed stored passages and search queries differently.</summary>
public enum EmbeddingKind
{
    Passage,
    Query,
}
