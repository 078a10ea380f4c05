using Microsoft.Extensions.Options;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>What one maintenance pass did: partitions created (month partitions, by name) and dropped by the retention.</summary>
public sealed record PartitionMaintenance(IReadOnlyList<string> Created, IReadOnlyList<string> Dropped);

/// <summary>
/// Keeps the month partitions of pipeline_runs and telemetry_events (docs/CLUSTER.md, "Telemetry at scale"): the
/// current month and <see cref="TelemetryPartitionOptions.MonthsAhead"/> more exist, any month with rows in the default
/// partition gets its own, and months wholly older than <see cref="TelemetryPartitionOptions.RetentionDays"/> are
/// dropped as whole tables. One transaction under the telemetry schema's advisory lock, so nodes running it at the same
/// moment take turns and the second finds nothing left to do.
/// </summary>
public sealed class TelemetryPartitions(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<TelemetryPartitionOptions> options)
{
    public async Task<PartitionMaintenance> MaintainAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var current = MonthPartitions.MonthStart(now);
        var created = new List<string>();
        var dropped = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await TelemetrySchema.EnsureAsync(connection, transaction, ct);
        foreach (var table in TelemetrySchema.Partitioned)
        {
            var months = Enumerable.Range(0, settings.MonthsAhead + 1).Select(current.AddMonths)
                .Concat(await MonthPartitions.MonthsWithRowsAsync(connection, transaction, $"{TelemetrySchema.Schema}.{table}_default", ct));
            foreach (var month in months.Distinct().Order())
                if (await MonthPartitions.EnsureAsync(connection, transaction, table, month, ct))
                    created.Add(MonthPartitions.Name(table, month));
            if (settings.RetentionDays == 0)
                continue;
            var cutoff = now.UtcDateTime.AddDays(-settings.RetentionDays);
            foreach (var (partition, month) in await MonthPartitions.ListAsync(connection, transaction, table, ct))
            {
                if (month.AddMonths(1) > cutoff)
                    continue;
                await using var drop = new NpgsqlCommand($"DROP TABLE {TelemetrySchema.Schema}.{partition}", connection, transaction);
                await drop.ExecuteNonQueryAsync(ct);
                dropped.Add(partition);
            }
        }
        await transaction.CommitAsync(ct);
        return new PartitionMaintenance(created, [.. dropped.Order(StringComparer.Ordinal)]);
    }
}
