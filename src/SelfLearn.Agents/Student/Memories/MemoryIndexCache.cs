using System.Collections.Concurrent;
using Marten;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// One in-memory retrieval index per (deployment, user), loaded from PostgreSQL on first use and kept current by
/// ingest and forget on this node. Vectors are stored with the memories, so a load never re-embeds.
/// </summary>
public sealed class MemoryIndexCache(IDocumentStore store)
{
    private readonly ConcurrentDictionary<(string Deployment, string User), Lazy<Task<MemoryIndex>>> _indexes = new();

    public Task<MemoryIndex> GetAsync(string deploymentId, string userId, CancellationToken ct) =>
        _indexes.GetOrAdd((deploymentId, userId), key => new Lazy<Task<MemoryIndex>>(() => LoadAsync(key.Deployment, key.User, ct))).Value;

    public void Added(string deploymentId, string userId, IReadOnlyList<MemoryDocument> memories)
    {
        if (!_indexes.TryGetValue((deploymentId, userId), out var index))
            return;
        if (index.Value.IsCompletedSuccessfully)
            index.Value.Result.Add(memories.Select(ToEntry));
        else
            _indexes.TryRemove((deploymentId, userId), out _);
    }

    public void Forget(string? deploymentId, string userId)
    {
        foreach (var key in _indexes.Keys.Where(k => k.User == userId && (deploymentId is null || k.Deployment == deploymentId)))
            _indexes.TryRemove(key, out _);
    }

    public void Clear() => _indexes.Clear();

    private async Task<MemoryIndex> LoadAsync(string deploymentId, string userId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var memories = await session.Query<MemoryDocument>()
            .Where(m => m.DeploymentId == deploymentId && m.UserId == userId)
            .ToListAsync(ct);
        return new MemoryIndex(memories.Select(ToEntry));
    }

    public static MemoryEntry ToEntry(MemoryDocument m) =>
        new(m.Id, m.Text, m.Speaker, m.Timestamp, m.SourceId, m.SessionKey, m.Ordinal, m.Vector);
}
