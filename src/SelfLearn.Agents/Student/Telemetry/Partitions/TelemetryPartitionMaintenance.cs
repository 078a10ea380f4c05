using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>
/// Runs <see cref="TelemetryPartitions.MaintainAsync"/> once when a node starts, so the months ahead exist before it
/// writes; the advisory lock makes several nodes starting together harmless. Later passes run on the cluster-wide
/// schedule (<see cref="TelemetryPartitionSchedule"/>). A failed pass is logged: writes still land in the default partition.
/// </summary>
public sealed class TelemetryPartitionMaintenance(TelemetryPartitions partitions, ILogger<TelemetryPartitionMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await MaintainTelemetryPartitionsHandler.RunAsync(partitions, logger, stoppingToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Telemetry partition maintenance failed at start; the schedule runs it again");
        }
    }
}
