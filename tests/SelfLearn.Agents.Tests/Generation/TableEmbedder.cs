using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Generation;

/// <summary>Two-dimensional unit vectors looked up by text, so a test can compute every cosine by hand; unknown texts get (0, 0).</summary>
internal sealed class TableEmbedder(IReadOnlyDictionary<string, float[]> vectors) : ITextEmbedder
{
    public List<string> Embedded { get; } = [];

    public string Model => "table-test-model";

    public int Dimensions => 2;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Embedded.AddRange(texts);
        return [.. texts.Select(text => vectors.TryGetValue(text, out var vector) ? vector : new float[2])];
    }
}
