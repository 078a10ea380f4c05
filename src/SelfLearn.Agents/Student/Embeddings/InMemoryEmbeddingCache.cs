namespace SelfLearn.Agents.Student.Embeddings;

/// <summary>A thread-safe, least-recently-used cache holding at most <paramref name="capacity"/> vectors.</summary>
public sealed class InMemoryEmbeddingCache(int capacity = 10_000) : IEmbeddingCache
{
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _recency = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _nodes.Count;
        }
    }

    public IReadOnlyDictionary<string, float[]> GetMany(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (!_nodes.TryGetValue(key, out var node))
                    continue;
                _recency.Remove(node);
                _recency.AddFirst(node);
                found[key] = node.Value.Vector;
            }
        }

        return found;
    }

    public void PutMany(string model, IReadOnlyDictionary<string, float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        lock (_gate)
        {
            foreach (var (key, vector) in vectors)
            {
                if (_nodes.ContainsKey(key))
                    continue;
                _nodes[key] = _recency.AddFirst((key, vector));
                if (_nodes.Count > Math.Max(1, capacity))
                    Evict();
            }
        }
    }

    private void Evict()
    {
        var oldest = _recency.Last!;
        _recency.RemoveLast();
        _nodes.Remove(oldest.Value.Key);
    }
}
