using SelfLearn.Agents.Student.Embeddings;

namespace SelfLearn.Agents.Tests.Embeddings;

/// <summary>Loads the model once for all ArcticXs tests.</summary>
public sealed class ArcticXsFixture : IDisposable
{
    public ArcticXsEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}
