using System.Globalization;
using Marten;
using Marten.Services.BatchQuerying;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace SelfLearn.Agents.Tuner;

/// <summary>
/// A counter raised in the same transaction as every factor event (by <see cref="CatalogCache"/>), so every node can
/// tell whether the catalog it holds is current: one row, id 1, absent (read as 0) until the first factor event.
/// </summary>
public static class CatalogVersion
{
    public const string Table = "selflearn.catalog_version";

    public const string RaiseSql =
        $"insert into {Table} as v (id, version) values (1, 1) on conflict (id) do update set version = v.version + 1";

    public static StoreOptions AddCatalogVersion(this StoreOptions options)
    {
        var table = new Table(Table);
        table.AddColumn<int>("id").AsPrimaryKey();
        table.AddColumn<long>("version").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    // As text: a batched query reads raw SQL into classes only, and Marten reads one text column as a scalar.
    private const string ReadSql = $"select coalesce((select version from {Table} where id = 1), 0)::text";

    public static async Task<long> ReadAsync(IQuerySession session, CancellationToken ct) =>
        long.Parse((await session.QueryAsync<string>(ReadSql, ct)).Single(), CultureInfo.InvariantCulture);

    /// <summary>The same read, queued in <paramref name="batch"/> so that it costs no round trip of its own.</summary>
    public static async Task<long> ReadAsync(IBatchedQuery batch) =>
        long.Parse((await batch.Query<string>(ReadSql)).Single(), CultureInfo.InvariantCulture);
}
