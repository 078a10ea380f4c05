using System.Globalization;
using Npgsql;

namespace SelfLearn.Benchmarks.Shared;

/// <summary>A table's size with its indexes, in MB; a partitioned table's parent holds no rows, so its partitions are added.</summary>
internal static class TableSize
{
    public static async Task<long> MegabytesAsync(NpgsqlDataSource database, string table, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            SELECT (coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) + pg_total_relation_size($1::regclass)) / 1048576
            FROM pg_class p LEFT JOIN pg_inherits i ON i.inhparent = p.oid WHERE p.oid = $1::regclass
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
