using System.Globalization;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>
/// One partition per calendar month (UTC) of a partitioned telemetry table, named <c>{table}_pYYYYMM</c> and holding
/// <c>[first of the month, first of the next)</c>. Every call runs in the caller's transaction, under
/// <see cref="TelemetrySchema.Lock"/>.
/// </summary>
internal static class MonthPartitions
{
    public static string Name(string table, DateTime month) => string.Create(CultureInfo.InvariantCulture, $"{table}_p{month:yyyyMM}");

    /// <summary>The month a partition named by <see cref="Name"/> holds, or null for any other partition (the default).</summary>
    public static DateTime? MonthOf(string table, string partition) =>
        partition.StartsWith(table + "_p", StringComparison.Ordinal)
        && DateTime.TryParseExact(partition[(table.Length + 2)..], "yyyyMM", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month)
            ? DateTime.SpecifyKind(month, DateTimeKind.Utc)
            : null;

    public static DateTime MonthStart(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Creates the month's partition if it is missing. Rows of that month already in the default partition (written
    /// before the partition existed) move into it first, partition to partition, so the parent's statement triggers
    /// (the folds) do not see them again. Returns whether it created the partition.
    /// </summary>
    public static async Task<bool> EnsureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, DateTime month, CancellationToken ct)
    {
        var name = Name(table, month);
        if (await ExistsAsync(connection, transaction, name, ct))
            return false;
        var columns = TelemetrySchema.ColumnsOf(table);
        var range = $"at >= {Literal(month)} AND at < {Literal(month.AddMonths(1))}";
        var parent = $"{TelemetrySchema.Schema}.{table}";
        await using var create = new NpgsqlCommand($"""
            CREATE TEMP TABLE moving_month ON COMMIT DROP AS SELECT {columns} FROM {parent}_default WHERE {range};
            DELETE FROM {parent}_default WHERE {range};
            CREATE TABLE {TelemetrySchema.Schema}.{name} PARTITION OF {parent} FOR VALUES FROM ({Literal(month)}) TO ({Literal(month.AddMonths(1))});
            INSERT INTO {TelemetrySchema.Schema}.{name} ({columns}) SELECT {columns} FROM moving_month;
            DROP TABLE moving_month;
            """, connection, transaction);
        await create.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>The months that have a partition of their own, by partition name.</summary>
    public static async Task<IReadOnlyDictionary<string, DateTime>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{TelemetrySchema.Schema}.{table}" });
        var months = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (MonthOf(table, reader.GetString(0)) is { } month)
                months[reader.GetString(0)] = month;
        return months;
    }

    /// <summary>The months (UTC) that have rows in <paramref name="from"/>: a table or the default partition.</summary>
    public static async Task<IReadOnlyList<DateTime>> MonthsWithRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string from, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT DISTINCT date_trunc('month', at, 'UTC') FROM {from}", connection, transaction);
        var months = new List<DateTime>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            months.Add(reader.GetFieldValue<DateTime>(0));
        return months;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{TelemetrySchema.Schema}.{name}" });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static string Literal(DateTime month) => string.Create(CultureInfo.InvariantCulture, $"'{month:yyyy-MM-dd}T00:00:00Z'");
}
