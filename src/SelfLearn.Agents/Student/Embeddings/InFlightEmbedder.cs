using System.Collections.Concurrent;

namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>
/// Shares embeddings that are being computed: when concurrent requests carry the same text (paired variants ingest
/// identical turns at the same time), one computes it and the others wait for its vector instead of computing it
/// again. A caller first embeds every text it claimed and only then waits for the rest, so no two callers wait on
/// each other.
/// </summary>
public sealed class InFlightEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<float[]>> _inFlight = new(StringComparer.Ordinal);

    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, EmbeddingKind kind, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = texts.Select(text => EmbeddingCacheKey.For(Model, kind, text)).ToArray();
        var vectors = new Dictionary<string, Task<float[]>>(StringComparer.Ordinal);
        var claimed = new List<(string Key, string Text, TaskCompletionSource<float[]> Result)>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors.ContainsKey(keys[i]))
                continue;
            var mine = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            var holder = _inFlight.GetOrAdd(keys[i], mine);
            vectors[keys[i]] = holder.Task;
            if (holder == mine)
                claimed.Add((keys[i], texts[i], mine));
        }

        try
        {
            var computed = claimed.Count == 0 ? [] : inner.Embed([.. claimed.Select(c => c.Text)], kind, progress, ct);
            for (var i = 0; i < claimed.Count; i++)
                claimed[i].Result.SetResult(computed[i]);
        }
        catch (Exception e)
        {
            foreach (var (_, _, result) in claimed)
                result.TrySetException(e);
            throw;
        }
        finally
        {
            foreach (var (key, _, result) in claimed)
                _inFlight.TryRemove(new KeyValuePair<string, TaskCompletionSource<float[]>>(key, result));
        }

        progress?.Report(texts.Count);
        return [.. keys.Select(key => vectors[key].WaitAsync(ct).GetAwaiter().GetResult())];
    }
}
