using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>
/// Moves a database whose telemetry tables were created unpartitioned (before #15) to the partitioned ones, inside the
/// caller's transaction, so a failure leaves the old tables as they were. Step one (<see cref="SetAsideAsync"/>) renames
/// each old table to <c>{table}_unpartitioned</c>, frees its index and sequence names and drops the views reading it,
/// remembering their definitions and the table's triggers (the Teacher's folds); the caller then creates the
/// partitioned tables; step two (<see cref="MoveInAsync"/>) creates a month partition for every month the old rows
/// cover, copies the rows, continues the event id sequence after the old one, drops the old table and puts the views
/// and triggers back. The rows move before the triggers exist, so the folds do not count them twice.
/// </summary>
internal sealed class UnpartitionedTelemetry
{
    private const string Suffix = "_unpartitioned";

    private readonly List<string> _tables = [];
    private readonly List<string> _triggers = [];
    private readonly Dictionary<string, string> _views = new(StringComparer.Ordinal);

    public static async Task<UnpartitionedTelemetry> SetAsideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var found = new UnpartitionedTelemetry();
        foreach (var table in TelemetrySchema.Partitioned)
        {
            var qualified = $"{TelemetrySchema.Schema}.{table}";
            if (await ScalarAsync<string>(connection, transaction, "SELECT relkind::text FROM pg_class WHERE oid = to_regclass($1)", ct, qualified) != "r")
                continue;
            found._tables.Add(table);
            found._triggers.AddRange(await ListAsync(connection, transaction,
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal", ct, qualified));
            foreach (var view in await ListAsync(connection, transaction, """
                SELECT DISTINCT v.oid::regclass::text FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
                WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = to_regclass($1) AND v.oid <> d.refobjid
                """, ct, qualified))
                found._views[view] = await ScalarAsync<string>(connection, transaction, "SELECT pg_get_viewdef(to_regclass($1))", ct, view)
                    ?? throw new InvalidOperationException($"view {view} has no definition");
        }
        if (found._tables.Count == 0)
            return found;
        foreach (var view in found._views.Keys)
            await ExecuteAsync(connection, transaction, $"DROP VIEW {view}", ct);
        foreach (var table in found._tables)
        {
            var qualified = $"{TelemetrySchema.Schema}.{table}";
            foreach (var index in await ListAsync(connection, transaction,
                "SELECT c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass($1)", ct, qualified))
                await ExecuteAsync(connection, transaction, $"ALTER INDEX {TelemetrySchema.Schema}.{index} RENAME TO {index}{Suffix}", ct);
            if (table == "telemetry_events"
                && await ScalarAsync<string>(connection, transaction, "SELECT pg_get_serial_sequence($1, 'id')", ct, qualified) is { } sequence)
                await ExecuteAsync(connection, transaction, $"ALTER SEQUENCE {sequence} RENAME TO {table}_id_seq{Suffix}", ct);
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {qualified} RENAME TO {table}{Suffix}", ct);
        }
        return found;
    }

    public async Task MoveInAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var table in _tables)
        {
            var parent = $"{TelemetrySchema.Schema}.{table}";
            var old = $"{parent}{Suffix}";
            foreach (var month in await MonthPartitions.MonthsWithRowsAsync(connection, transaction, old, ct))
                await MonthPartitions.EnsureAsync(connection, transaction, table, month, ct);
            var columns = TelemetrySchema.ColumnsOf(table);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {parent} ({columns}) SELECT {columns} FROM {old}", ct);
            if (table == "telemetry_events")
                await ExecuteAsync(connection, transaction,
                    $"SELECT setval(pg_get_serial_sequence('{parent}', 'id'), max(id)) FROM {old} HAVING max(id) IS NOT NULL", ct);
            await ExecuteAsync(connection, transaction, $"DROP TABLE {old}", ct);
        }
        foreach (var trigger in _triggers)
            await ExecuteAsync(connection, transaction, trigger, ct);
        foreach (var (view, definition) in _views)
            await ExecuteAsync(connection, transaction, $"CREATE VIEW {view} AS {definition}", ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, string argument)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = argument });
        return await command.ExecuteScalarAsync(ct) is T value ? value : default;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, string argument)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = argument });
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            values.Add(reader.GetString(0));
        return values;
    }
}
