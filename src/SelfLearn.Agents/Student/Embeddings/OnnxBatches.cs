using Microsoft.ML.OnnxRuntime;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>
/// How both ONNX sentence models run: texts in batches of similar length (a batch is padded to its longest text), one
/// batch at a time under the model's lock (ONNX already spreads a batch over the cores), with session options that keep
/// ONNX's worker threads from spinning.
/// </summary>
internal static class OnnxBatches
{
    public static float[][] Embed(
        string[] inputs, int batchSize, Lock gate, Func<string[], CancellationToken, float[][]> encode, IProgress<int>? progress, CancellationToken ct)
    {
        var vectors = new float[inputs.Length][];
        var done = 0;
        foreach (var batch in Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).Chunk(Math.Max(1, batchSize)))
        {
            ct.ThrowIfCancellationRequested();
            var encoded = Encode(gate, encode, [.. batch.Select(i => inputs[i])], ct);
            for (var j = 0; j < batch.Length; j++)
                vectors[batch[j]] = encoded[j];
            done += batch.Length;
            progress?.Report(done);
        }

        return vectors;
    }

    public static SessionOptions Options(int? threads)
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
        return options; // the encoder disposes the options with its session
    }

    private static float[][] Encode(Lock gate, Func<string[], CancellationToken, float[][]> encode, string[] batch, CancellationToken ct)
    {
        try
        {
            lock (gate)
                return encode(batch, ct);
        }
        catch (OnnxRuntimeException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct); // a cancelled run surfaces from ONNX as a terminated session run
        }
    }
}
