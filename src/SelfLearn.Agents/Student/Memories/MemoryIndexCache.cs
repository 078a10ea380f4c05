using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// One in-memory retrieval index per (deployment, user), loaded on first use and kept current by ingest and forget on
/// this node. Each index carries the memory version (<see cref="MemoryVersions"/>) it holds at least: a query that read
/// a newer version — another node ingested or forgot since — loads the index again. Bounded by <see cref="IndexCacheOptions"/>: the least recently used indexes go first. A load belongs to
/// the cache, not to the request that started it: a caller that gives up stops waiting, the load goes on for the
/// others, and a load that fails is dropped so the next caller loads again. An index that leaves the cache frees its
/// HNSW index (<see cref="AnnOptions"/>); a query still holding it finishes with the exact scan.
/// </summary>
public sealed class MemoryIndexCache(
    IMemorySource source, IOptions<IndexCacheOptions> options, ILogger<MemoryIndexCache> logger, IOptions<AnnOptions>? ann = null)
{
    private readonly IndexCacheOptions limits = options.Value;
    private readonly AnnOptions annOptions = ann?.Value ?? new AnnOptions();
    private readonly Lock gate = new();
    private readonly Dictionary<(string Deployment, string User), CachedIndex> entries = [];
    private readonly LinkedList<CachedIndex> recency = [];
    private long memories;

    public int Users { get { lock (gate) return entries.Count; } }

    public long Memories { get { lock (gate) return memories; } }

    public bool Holds(string deploymentId, string userId) { lock (gate) return entries.ContainsKey((deploymentId, userId)); }

    /// <summary>Any cached index of the user, however old: for callers that do not read the memory version.</summary>
    public Task<MemoryIndex> GetAsync(string deploymentId, string userId, CancellationToken ct) => GetAsync(deploymentId, userId, 0, ct);

    /// <summary>
    /// An index holding at least <paramref name="version"/>, which the caller read from the database before this call:
    /// a load started now reads every memory committed with that version or an older one, so it may claim it.
    /// </summary>
    public Task<MemoryIndex> GetAsync(string deploymentId, string userId, long version, CancellationToken ct)
    {
        CachedIndex entry;
        lock (gate)
        {
            if (entries.TryGetValue((deploymentId, userId), out var cached) && cached.Version >= version)
            {
                entry = cached;
                recency.Remove(entry.Node);
                recency.AddLast(entry.Node);
            }
            else
            {
                if (cached is not null)
                    Remove(cached);
                entry = new CachedIndex((deploymentId, userId), version, this);
                entries.Add(entry.Key, entry);
                recency.AddLast(entry.Node);
                EvictOverLimits();
            }
        }
        return entry.Index.Value.WaitAsync(ct);
    }

    /// <summary>
    /// Brings a cached index up to date after an ingest committed as <paramref name="version"/>; never throws, so the
    /// ingest still answers 201. An index that missed a version in between (another node's write) is dropped.
    /// </summary>
    public void Added(string deploymentId, string userId, IReadOnlyList<MemoryDocument> added, long version)
    {
        CachedIndex? entry;
        lock (gate)
        {
            if (!entries.TryGetValue((deploymentId, userId), out entry))
                return;
            if (entry.Version < version - 1)
            {
                Remove(entry);
                return;
            }
        }

        // A load still running may or may not have read these memories: drop it, the next query loads afresh.
        if (!entry.Index.IsValueCreated || !entry.Index.Value.IsCompletedSuccessfully)
        {
            lock (gate) Remove(entry);
            return;
        }

        var index = entry.Index.Value.Result;
        try
        {
            index.AddMissing(added.Select(ToEntry));
            lock (gate)
            {
                entry.Version = Math.Max(entry.Version, version);
                Resize(entry, index.Count);
            }
        }
        catch (ArgumentException e)
        {
            logger.LogWarning(e, "Dropping the cached index of user {User} in {Deployment}: the new memories do not fit it", userId, deploymentId);
            lock (gate) Remove(entry);
        }
    }

    public void Forget(string? deploymentId, string userId)
    {
        lock (gate)
            foreach (var entry in entries.Values.Where(e => e.Key.User == userId && (deploymentId is null || e.Key.Deployment == deploymentId)).ToList())
                Remove(entry);
    }

    public void Clear()
    {
        lock (gate)
        {
            foreach (var entry in entries.Values)
                Release(entry);
            entries.Clear();
            recency.Clear();
            memories = 0;
        }
    }

    public static MemoryEntry ToEntry(MemoryDocument m) =>
        new(m.Id, m.Text, m.Speaker, m.Timestamp, m.SourceId, m.SessionKey, m.Ordinal, m.Vector);

    private async Task<MemoryIndex> LoadAsync(CachedIndex entry)
    {
        try
        {
            var loaded = await source.LoadAsync(entry.Key.Deployment, entry.Key.User, CancellationToken.None);
            var index = new MemoryIndex(loaded, annOptions);
            lock (gate) Resize(entry, index.Count);
            return index;
        }
        catch
        {
            lock (gate) Remove(entry);
            throw;
        }
    }

    // The methods below run under the gate; an entry that was already replaced or removed is left alone.
    private void Resize(CachedIndex entry, int count)
    {
        if (!IsCurrent(entry))
            return;
        memories += count - entry.Memories;
        entry.Memories = count;
        EvictOverLimits();
    }

    private void EvictOverLimits()
    {
        while (entries.Count > limits.MaxUsers || memories > limits.MaxMemories)
            Remove(recency.First!.Value);
    }

    private void Remove(CachedIndex entry)
    {
        if (!IsCurrent(entry))
            return;
        entries.Remove(entry.Key);
        recency.Remove(entry.Node);
        memories -= entry.Memories;
        Release(entry);
    }

    private static void Release(CachedIndex entry)
    {
        if (entry.Index.IsValueCreated && entry.Index.Value.IsCompletedSuccessfully)
            entry.Index.Value.Result.Dispose();
    }

    private bool IsCurrent(CachedIndex entry) => entries.TryGetValue(entry.Key, out var current) && current == entry;

    private sealed class CachedIndex
    {
        public CachedIndex((string Deployment, string User) key, long version, MemoryIndexCache cache)
        {
            Key = key;
            Version = version;
            Node = new LinkedListNode<CachedIndex>(this);
            Index = new Lazy<Task<MemoryIndex>>(() => cache.LoadAsync(this));
        }

        public (string Deployment, string User) Key { get; }

        public LinkedListNode<CachedIndex> Node { get; }

        public Lazy<Task<MemoryIndex>> Index { get; }

        public int Memories { get; set; }

        /// <summary>Changed under the cache's gate only.</summary>
        public long Version { get; set; }
    }
}
