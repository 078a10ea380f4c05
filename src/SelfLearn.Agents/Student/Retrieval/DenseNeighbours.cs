using Cloud.Unum.USearch;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// The HNSW index (USearch) over one <see cref="MemoryIndex"/>'s unit vectors, keyed by snapshot position: one graph per
/// <see cref="AnnOptions.ShardSize"/> positions, searched together. Inner product of unit vectors is their cosine, so its
/// distance is 1 − the cosine <see cref="DenseVector.Dot"/> computes. Memories without a vector are left out. Any number
/// of searches run together; an append or <see cref="Dispose"/> waits for them, because growing a native index moves
/// its memory.
/// </summary>
internal sealed class DenseNeighbours(int dimension, AnnOptions options) : IDisposable
{
    // The wrapper copies each batch's vectors to pin them: chunks keep that copy small at a million memories.
    private const int Chunk = 4096;

    // Never disposed: a search that lost the race with Dispose must still be able to enter and see it disposed.
    private readonly ReaderWriterLockSlim gate = new();
    private readonly List<USearchIndex> shards = [];

    private volatile bool disposed;

    public bool IsDisposed => disposed;

    /// <summary>How many graphs the memories are spread over.</summary>
    public int ShardCount => shards.Count;

    /// <summary>Adds memories held at <paramref name="firstPosition"/> onwards.</summary>
    public void Add(IReadOnlyList<IndexedMemory> memories, int firstPosition)
    {
        if (memories.Count == 0)
            return;
        gate.EnterWriteLock();
        try
        {
            if (disposed)
                return;
            var firstShard = firstPosition / options.ShardSize;
            var lastShard = (firstPosition + memories.Count - 1) / options.ShardSize;
            while (shards.Count <= lastShard)
                shards.Add(new USearchIndex(MetricKind.Ip, ScalarKind.Float32, (ulong)dimension, (ulong)options.Connectivity,
                    (ulong)options.ExpansionAdd, (ulong)options.Candidates));

            // The graphs of one batch build side by side, each on one thread and in position order: the graph one thread
            // alone would build from that batch.
            Parallel.For(firstShard, lastShard + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                shard => Fill(shard, memories, firstPosition));
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Positions of the <see cref="AnnOptions.Candidates"/> memories nearest to <paramref name="unitQuery"/> that any
    /// graph finds, among the first <paramref name="count"/>; null once disposed (an evicted index still answers, exactly).
    /// </summary>
    public List<int>? Search(float[] unitQuery, int count)
    {
        gate.EnterReadLock();
        try
        {
            if (disposed)
                return null;
            if (shards.Count == 1)
                return Search(shards[0], unitQuery, count).ConvertAll(found => found.Position);

            var nearest = new List<(float Distance, int Position)>();
            for (var shard = 0; shard < shards.Count && shard * options.ShardSize < count; shard++)
                nearest.AddRange(Search(shards[shard], unitQuery, count));
            nearest.Sort();
            return nearest.Take(options.Candidates).Select(found => found.Position).ToList();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    public void Dispose()
    {
        gate.EnterWriteLock();
        try
        {
            if (disposed)
                return;
            disposed = true;
            foreach (var shard in shards)
                shard.Dispose();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private List<(float Distance, int Position)> Search(USearchIndex shard, float[] unitQuery, int count)
    {
        var found = shard.Search(unitQuery, options.Candidates, out var keys, out var distances);
        var nearest = new List<(float, int)>(found);
        for (var i = 0; i < found; i++)
        {
            // An append after the caller's snapshot may already be in the graph: it is not the caller's to see.
            if (keys[i] < (ulong)count)
                nearest.Add((distances[i], (int)keys[i]));
        }

        return nearest;
    }

    private void Fill(int shard, IReadOnlyList<IndexedMemory> memories, int firstPosition)
    {
        var from = Math.Max(firstPosition, shard * options.ShardSize);
        var to = Math.Min(firstPosition + memories.Count, (shard + 1) * (long)options.ShardSize);
        var keys = new List<ulong>(Chunk);
        var vectors = new List<float[]>(Chunk);
        for (var position = from; position < to; position++)
        {
            var vector = memories[position - firstPosition].Vector;
            if (vector.IsEmpty)
                continue;
            keys.Add((ulong)position);
            vectors.Add(vector.ToArray());
            if (keys.Count == Chunk)
                Flush(shards[shard], keys, vectors);
        }

        Flush(shards[shard], keys, vectors);
    }

    private static void Flush(USearchIndex shard, List<ulong> keys, List<float[]> vectors)
    {
        if (keys.Count == 0)
            return;
        shard.Add([.. keys], [.. vectors]);
        keys.Clear();
        vectors.Clear();
    }
}
