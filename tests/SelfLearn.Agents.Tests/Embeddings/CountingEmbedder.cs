using System.Security.Cryptography;
using System.Text;
using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

/// <summary>A cheap deterministic embedder that records which texts it was asked to embed.</summary>
internal sealed class CountingEmbedder : ITextEmbedder
{
    public List<string> Embedded { get; } = [];

    public string Model => "counting-test-model";

    public int Dimensions => 8;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Embedded.AddRange(texts);
        var vectors = texts.Select(text => VectorFor(kind + text)).ToArray();
        progress?.Report(texts.Count);
        return vectors;
    }

    public static float[] VectorFor(string text) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(text)).Take(8).Select(b => (float)b).ToArray();
}
