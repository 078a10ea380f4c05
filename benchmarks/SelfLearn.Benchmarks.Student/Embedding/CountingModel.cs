using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Benchmarks.Student.Embedding;

/// <summary>Counts the texts that reach the model, so a pass shows how many it computed more than once.</summary>
internal sealed class CountingModel(ITextEmbedder model) : ITextEmbedder
{
    private long _texts;

    public long Texts => Interlocked.Read(ref _texts);

    public string Model => model.Model;

    public int Dimensions => model.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Interlocked.Add(ref _texts, texts.Count);
        return model.Embed(texts, kind, progress, ct);
    }
}
