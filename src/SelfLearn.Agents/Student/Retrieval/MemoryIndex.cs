using System.Collections.Concurrent;

namespace SelfLearn.Agents.Student.Retrieval;

/// <summary>
/// One user's memories, indexed for <see cref="HybridRetriever"/>: terms, postings, lengths, unit vectors and session
/// neighbours are computed when memories are added. Safe for any number of concurrent readers while one
/// <see cref="Add"/> runs (writers are serialised): each ingest publishes a new immutable snapshot.
/// </summary>
public sealed partial class MemoryIndex : IDisposable
{
    private readonly AnnOptions ann;
    private readonly Lock writeLock = new();
    private readonly ConcurrentDictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> ids = [];
    private readonly SessionLinks sessions = new();
    private readonly VectorSlab vectors = new();
    private volatile IndexSnapshot snapshot;
    private volatile DenseNeighbours? neighbours;
    private int termCount;

    /// <param name="ann">When the dense side switches to an HNSW index; the defaults of <see cref="AnnOptions"/> when null.</param>
    public MemoryIndex(IEnumerable<MemoryEntry> entries, AnnOptions? ann = null)
    {
        this.ann = ann ?? new AnnOptions();
        snapshot = IndexSnapshot.Empty(vocabulary);
        Add(entries);
    }

    public int Count => snapshot.Count;

    /// <summary>The newest memory's timestamp, the natural "now" for recency; null while empty.</summary>
    public DateTimeOffset? Latest => snapshot.Latest;

    internal IndexSnapshot Snapshot => snapshot;

    /// <summary>Whether dense retrieval searches the HNSW index: at or above <see cref="AnnOptions.Threshold"/> memories, until disposed.</summary>
    public bool UsesAnn => neighbours is { IsDisposed: false };

    /// <summary>How many HNSW graphs the dense side searches (<see cref="AnnOptions.ShardSize"/>); 0 for the exact scan.</summary>
    internal int AnnGraphs => neighbours is { IsDisposed: false } graphs ? graphs.ShardCount : 0;

    /// <summary>Frees the HNSW index's native memory; queries already running, and later ones, fall back to the exact scan.</summary>
    public void Dispose() => neighbours?.Dispose();

    /// <summary>The HNSW index's candidates for <paramref name="unitQuery"/> within <paramref name="snapshot"/>; null for the exact scan.</summary>
    internal List<int>? DenseCandidates(IndexSnapshot snapshot, float[] unitQuery) =>
        unitQuery.Length == 0 ? null : neighbours?.Search(unitQuery, snapshot.Count);

    /// <summary>How many HNSW candidates a query asks for; also how many best BM25 hits <see cref="CandidateScoring"/> ranks exactly.</summary>
    internal int CandidateCount => ann.Candidates;

    /// <summary>Appends memories; a bad batch (duplicate id, vector of another dimension or not finite) changes nothing.</summary>
    /// <exception cref="ArgumentException">The batch is rejected; the message says why.</exception>
    public void Add(IEnumerable<MemoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (writeLock)
            Append(entries.ToList());
    }

    /// <summary>
    /// Appends the memories whose ids are not indexed yet and returns how many: a load that already read some of an
    /// ingest's memories and that ingest's own update may both deliver them.
    /// </summary>
    /// <exception cref="ArgumentException">The new memories are rejected as by <see cref="Add"/>.</exception>
    public int AddMissing(IEnumerable<MemoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (writeLock)
        {
            var missing = entries.Where(e => e is null || !ids.Contains(e.Id)).ToList();
            Append(missing);
            return missing.Count;
        }
    }

    // Called under the write lock.
    private void Append(List<MemoryEntry> batch)
    {
        var current = snapshot;
        var dimension = EnsureValid(batch, current.Dimension);
        if (batch.Count == 0)
            return;

        var added = batch.ConvertAll(entry => IndexedMemory.Create(entry, TermId, vectors));
        var (previous, next) = sessions.Link(current.Previous, current.Next, batch, current.Count);
        ids.UnionWith(batch.Select(e => e.Id));
        IndexNeighbours(current, added, dimension);
        snapshot = current.Append(added, termCount, previous, next, dimension);
    }

    // Before the snapshot is published, so that every position a reader can see is in the graph.
    private void IndexNeighbours(IndexSnapshot current, List<IndexedMemory> added, int dimension)
    {
        if (neighbours is { } existing)
        {
            existing.Add(added, current.Count);
            return;
        }

        if (dimension == 0 || current.Count + added.Count < ann.Threshold)
            return;
        var built = new DenseNeighbours(dimension, ann);
        built.Add(current.Memories, 0);
        built.Add(added, current.Count);
        neighbours = built;
    }

    private int EnsureValid(List<MemoryEntry> entries, int dimension)
    {
        var batchIds = new HashSet<Guid>();
        foreach (var entry in entries)
        {
            if (entry?.Text is null || entry.Vector is null)
                throw new ArgumentException("A memory, its text and its vector must not be null.", nameof(entries));
            if (ids.Contains(entry.Id) || !batchIds.Add(entry.Id))
                throw new ArgumentException($"Memory {entry.Id} is already indexed.", nameof(entries));
            if (entry.Vector.Length == 0)
                continue;
            if (!DenseVector.IsFinite(entry.Vector))
                throw new ArgumentException($"Memory {entry.Id} has a vector component that is not a finite number.", nameof(entries));
            if (dimension != 0 && entry.Vector.Length != dimension)
                throw new ArgumentException($"Memory {entry.Id} has a {entry.Vector.Length}-dimensional vector; the index holds {dimension}.", nameof(entries));
            dimension = entry.Vector.Length;
        }

        return dimension;
    }

    // Called under the write lock; readers ignore ids beyond their snapshot's term count.
    private int TermId(string term)
    {
        if (!vocabulary.TryGetValue(term, out var id))
            vocabulary[term] = id = termCount++;
        return id;
    }
}
