using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Retrieval;

/// <summary>A second model whose vectors are chosen by the test, by text; counts its calls.</summary>
internal sealed class FixedEmbedder(string model, IReadOnlyDictionary<string, float[]> vectors) : ITextEmbedder
{
    public int Calls { get; private set; }

    /// <summary>Runs once, inside the first call, before its vectors are returned.</summary>
    public Action? DuringFirstCall { get; set; }

    public string Model => model;

    public int Dimensions => vectors.Values.First().Length;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (Calls++ == 0)
            DuringFirstCall?.Invoke();
        return [.. texts.Select(t => vectors[t])];
    }
}
