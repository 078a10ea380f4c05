using System.Data.Common;
using Weasel.Storage;
using Marten.Linq.QueryHandlers;
using Marten.Services.BatchQuerying;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Tuner;
using Weasel.Postgresql;

namespace SelfLearn.Agents.Student.Configuration;

/// <summary>
/// The versions a query checks its node's caches against: the user's memories and the impact-factor catalog, 0 when
/// nothing was ever written. Read as one statement inside the query's existing batch, so checking costs no round trip.
/// </summary>
public sealed record CacheVersions(long Memories, long Catalog)
{
    public static Task<CacheVersions> Read(IBatchedQuery batch, string deploymentId, string userId) =>
        batch.AddItem(new Reader(deploymentId, userId));

    private sealed class Reader(string deploymentId, string userId) : IQueryHandler<CacheVersions>
    {
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            builder.Append($"select coalesce((select version from {MemoryVersions.Table} where deployment_id = ");
            builder.AppendParameter(deploymentId);
            builder.Append(" and user_id = ");
            builder.AppendParameter(userId);
            builder.Append($"), 0), coalesce((select version from {CatalogVersion.Table} where id = 1), 0)");
        }

        public async Task<CacheVersions> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
        {
            await reader.ReadAsync(token);
            return new CacheVersions(reader.GetInt64(0), reader.GetInt64(1));
        }

        [Obsolete("Marten reads batches asynchronously.")]
        public CacheVersions Handle(DbDataReader reader, IStorageSession session) => throw new NotSupportedException();

        public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) => throw new NotSupportedException();
    }
}
