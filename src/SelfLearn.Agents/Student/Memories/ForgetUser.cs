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
        var memories = session.DocumentStore.Options.Schema.For<MemoryDocument>();
        await session.BeginTransactionAsync(ct);
        await MemoryVersions.RaiseBeforeForgetAsync(session, memories, userId, deploymentId, ct);
        var deleted = deploymentId is null
            ? await session.QueryAsync<long>($"with gone as (delete from {memories} where user_id = ? returning 1) select count(*) from gone", ct, userId)
            : await session.QueryAsync<long>(
                $"with gone as (delete from {memories} where user_id = ? and deployment_id = ? returning 1) select count(*) from gone", ct, userId, deploymentId);
        MemoryVersions.QueueRaiseAfterForget(session, userId, deploymentId);
        await session.SaveChangesAsync(ct);
        indexes.Forget(deploymentId, userId);
        return (int)deleted.Single();
    }
}
