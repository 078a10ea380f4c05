using Cloud.Unum.USearch;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// The HNSW index (USearch) over one <see cref="MemoryIndex"/>'s unit vectors, keyed by snapshot position. Inner product
/// of unit vectors is their cosine, so its distance is 1 − the cosine <see cref="DenseVector.Dot"/> computes. Memories
/// without a vector are left out. Any number of searches run together; an append or <see cref="Dispose"/> waits for
/// them, because growing the native index moves its memory.
/// </summary>
internal sealed class DenseNeighbours(int dimension, AnnOptions options) : IDisposable
{
    // The wrapper copies each batch's vectors to pin them: chunks keep that copy small at a million memories.
    private const int Chunk = 4096;

    // Never disposed: a search that lost the race with Dispose must still be able to enter and see it disposed.
    private readonly ReaderWriterLockSlim gate = new();
    private readonly USearchIndex index = new(
        MetricKind.Ip, ScalarKind.Float32, (ulong)dimension, (ulong)options.Connectivity, (ulong)options.ExpansionAdd, (ulong)options.Candidates);

    private volatile bool disposed;

    public bool IsDisposed => disposed;

    /// <summary>Adds memories held at <paramref name="firstPosition"/> onwards.</summary>
    public void Add(IReadOnlyList<IndexedMemory> memories, int firstPosition)
    {
        var keys = new List<ulong>(Math.Min(Chunk, memories.Count));
        var vectors = new List<float[]>(keys.Capacity);
        gate.EnterWriteLock();
        try
        {
            for (var i = 0; i < memories.Count && !disposed; i++)
            {
                if (memories[i].Vector.IsEmpty)
                    continue;
                keys.Add((ulong)(firstPosition + i));
                vectors.Add(memories[i].Vector.ToArray());
                if (keys.Count == Chunk)
                    Flush(keys, vectors);
            }

            if (!disposed)
                Flush(keys, vectors);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Positions of the memories nearest to <paramref name="unitQuery"/>, among the first <paramref name="count"/>;
    /// null once disposed (an evicted index still answers, exactly).
    /// </summary>
    public List<int>? Search(float[] unitQuery, int count)
    {
        gate.EnterReadLock();
        try
        {
            if (disposed)
                return null;
            var found = index.Search(unitQuery, options.Candidates, out var keys, out _);
            var positions = new List<int>(found);
            for (var i = 0; i < found; i++)
            {
                // An append after the caller's snapshot may already be in the graph: it is not the caller's to see.
                if (keys[i] < (ulong)count)
                    positions.Add((int)keys[i]);
            }

            return positions;
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
            index.Dispose();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private void Flush(List<ulong> keys, List<float[]> vectors)
    {
        if (keys.Count == 0)
            return;
        index.Add([.. keys], [.. vectors]);
        keys.Clear();
        vectors.Clear();
    }
}
