using Marten;
using SelfLearn.Agents.Student.Retrieval;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>Where <see cref="MemoryIndexCache"/> loads a user's memories from; tests substitute a source they control.</summary>
public interface IMemorySource
{
    Task<IReadOnlyList<MemoryEntry>> LoadAsync(string deploymentId, string userId, CancellationToken ct);
}

/// <summary>The memories in PostgreSQL, with the vectors stored at ingest, so a load never re-embeds.</summary>
public sealed class StoredMemories(IDocumentStore store) : IMemorySource
{
    public async Task<IReadOnlyList<MemoryEntry>> LoadAsync(string deploymentId, string userId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var memories = await session.Query<MemoryDocument>()
            .Where(m => m.DeploymentId == deploymentId && m.UserId == userId)
            .ToListAsync(ct);
        return [.. memories.Select(MemoryIndexCache.ToEntry)];
    }
}
