using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace SelfLearn.Agents.Student.Memories;

/// <summary>
/// One counter per (deployment, user), raised in the same transaction as every ingest and forget of that user's
/// memories, so any node can tell whether the index it holds is still current (docs/CLUSTER.md). A row is never
/// deleted: a counter that started again at 1 could match an index built before a forget.
/// </summary>
public static class MemoryVersions
{
    public const string Table = "selflearn.memory_versions";

    public static StoreOptions AddMemoryVersions(this StoreOptions options)
    {
        var table = new Table(Table);
        table.AddColumn<string>("deployment_id").AsPrimaryKey();
        table.AddColumn<string>("user_id").AsPrimaryKey();
        table.AddColumn<long>("version").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    /// <summary>Raises the user's counter inside the ingest's transaction and returns the version the ingest makes.</summary>
    public static async Task<long> RaiseAsync(IDocumentSession session, string deploymentId, string userId, CancellationToken ct) =>
        (await session.QueryAsync<long>(
            $"with raised as (insert into {Table} as v (deployment_id, user_id, version) values (?, ?, 1) " +
            "on conflict (deployment_id, user_id) do update set version = v.version + 1 returning version) select version from raised",
            ct, deploymentId, userId)).Single();

    /// <summary>
    /// Before a forget's delete, in its transaction: raises the counters of the named deployment, or of every
    /// deployment the user has memories (some stored before counters existed) or a counter in.
    /// </summary>
    public static async Task RaiseBeforeForgetAsync(IDocumentSession session, string memories, string userId, string? deploymentId, CancellationToken ct)
    {
        var touched = deploymentId is null
            ? $"select deployment_id from {memories} where user_id = ? union select deployment_id from {Table} where user_id = ?"
            : "select ?";
        object[] parameters = deploymentId is null ? [userId, userId, userId] : [userId, deploymentId];
        await session.QueryAsync<long>(
            $"with raised as (insert into {Table} as v (deployment_id, user_id, version) select touched.deployment_id, ?, 1 " +
            $"from ({touched}) touched(deployment_id) on conflict (deployment_id, user_id) do update set version = v.version + 1 returning 1) " +
            "select count(*) from raised", ct, parameters);
    }

    /// <summary>
    /// After a forget's delete, queued to commit with it: an ingest into a deployment new to the user that committed
    /// before the delete lost its memories to it, and its counter is visible only now. (It also gives the forget
    /// something to commit: <see cref="IDocumentSession.SaveChangesAsync"/> commits only a session with work queued.)
    /// </summary>
    public static void QueueRaiseAfterForget(IDocumentSession session, string userId, string? deploymentId)
    {
        if (deploymentId is null)
            session.QueueSqlCommand($"update {Table} set version = version + 1 where user_id = ?", userId);
        else
            session.QueueSqlCommand($"update {Table} set version = version + 1 where user_id = ? and deployment_id = ?", userId, deploymentId);
    }
}
