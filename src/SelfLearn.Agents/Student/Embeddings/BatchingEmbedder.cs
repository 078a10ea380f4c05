using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>
/// Gathers the texts of concurrent callers into model batches, one batch at a time, and computes a text that is already
/// queued or being computed only once: later callers wait for the same vector. A failed batch fails its own callers only.
/// A caller that gives up stops waiting; the batch still runs for the others.
/// </summary>
public sealed class BatchingEmbedder : ITextEmbedder, IDisposable
{
    private readonly ITextEmbedder _model;
    private readonly EmbeddingBatchOptions _options;
    private readonly Channel<PendingText> _queue = Channel.CreateUnbounded<PendingText>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<(EmbeddingKind Kind, string Text), PendingText> _inFlight = new();
    private readonly Task _loop;

    public BatchingEmbedder(ITextEmbedder model, EmbeddingBatchOptions? options = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options ?? new EmbeddingBatchOptions();
        _loop = Task.Run(RunAsync);
    }

    public string Model => _model.Model;

    public int Dimensions => _model.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var vectors = EmbedAsync(texts, kind, ct).GetAwaiter().GetResult();
        progress?.Report(vectors.Length);
        return vectors;
    }

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, EmbeddingKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ct.ThrowIfCancellationRequested();
        var vectors = texts.Select(text => Join(kind, text ?? string.Empty)).ToArray();
        return Task.WhenAll(vectors).WaitAsync(ct);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private Task<float[]> Join(EmbeddingKind kind, string text)
    {
        var candidate = new PendingText(kind, text);
        var pending = _inFlight.GetOrAdd((kind, text), candidate);
        if (ReferenceEquals(pending, candidate) && !_queue.Writer.TryWrite(candidate))
            Fail([candidate], new ObjectDisposedException(nameof(BatchingEmbedder)));
        return pending.Vector.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = await GatherAsync(reader);
            foreach (var group in batch.GroupBy(p => p.Kind))
                Compute(group.Key, group.ToArray());
        }
    }

    private async Task<List<PendingText>> GatherAsync(ChannelReader<PendingText> reader)
    {
        var batch = new List<PendingText>(_options.MaxBatchSize);
        using var window = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.MaxWaitMs));
        try
        {
            while (batch.Count < _options.MaxBatchSize)
            {
                if (reader.TryRead(out var next))
                    batch.Add(next);
                else if (!await reader.WaitToReadAsync(window.Token))
                    break;
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The wait is over: run what has arrived.
        }

        return batch;
    }

    private void Compute(EmbeddingKind kind, PendingText[] group)
    {
        float[][] vectors;
        try
        {
            vectors = _model.Embed(group.Select(p => p.Text).ToArray(), kind);
            if (vectors.Length != group.Length)
                throw new InvalidOperationException($"the embedding model returned {vectors.Length} vectors for {group.Length} texts.");
        }
#pragma warning disable CA1031 // any failure of the model belongs to the callers of this batch, not to the loop serving the others
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(group, e);
            return;
        }

        for (var i = 0; i < group.Length; i++)
        {
            group[i].Vector.TrySetResult(vectors[i]);
            _inFlight.TryRemove(new KeyValuePair<(EmbeddingKind, string), PendingText>((group[i].Kind, group[i].Text), group[i]));
        }
    }

    private void Fail(IEnumerable<PendingText> group, Exception error)
    {
        foreach (var pending in group)
        {
            pending.Vector.TrySetException(error);
            _inFlight.TryRemove(new KeyValuePair<(EmbeddingKind, string), PendingText>((pending.Kind, pending.Text), pending));
        }
    }

    private sealed class PendingText(EmbeddingKind kind, string text)
    {
        public EmbeddingKind Kind { get; } = kind;

        public string Text { get; } = text;

        public TaskCompletionSource<float[]> Vector { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
