namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>Turns texts into L2-normalised vectors, so a dot product is the cosine similarity.</summary>
public interface ITextEmbedder
{
    string Model { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in input order; <paramref name="progress"/> receives the number of texts done so far.</summary>
    float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default);

    /// <summary>
    /// The same vectors, for callers that can wait without holding a thread: an embedder that shares work between callers
    /// (<see cref="BatchingEmbedder"/>) parks them here instead of blocking thread-pool threads.
    /// </summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken ct = default) =>
        Task.FromResult(Embed(texts, kind, null, ct));
}
