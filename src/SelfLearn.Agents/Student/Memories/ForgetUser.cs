using Marten;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// Deletes every memory of a user (in one deployment, or in all) and, in the same transaction, raises the user's memory
/// versions, so every node drops its cached index at its next query.
/// </summary>
public sealed class ForgetUser(IDocumentStore store, MemoryIndexCache indexes)
{
    public async Task<int> HandleAsync(string userId, string? deploymentId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await MemoryVersions.RaiseForForgetAsync(session, userId, deploymentId, ct);
        var count = await session.Query<MemoryDocument>()
            .CountAsync(m => m.UserId == userId && (deploymentId == null || m.DeploymentId == deploymentId), ct);
        session.DeleteWhere<MemoryDocument>(m => m.UserId == userId && (deploymentId == null || m.DeploymentId == deploymentId));
        await session.SaveChangesAsync(ct);
        indexes.Forget(deploymentId, userId);
        return count;
    }
}
