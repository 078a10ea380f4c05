using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>
/// Runs <see cref="TelemetryPartitions.MaintainAsync"/> at start and then every
/// <see cref="TelemetryPartitionOptions.MaintenanceMinutes"/> on every node; the advisory lock makes the overlap
/// harmless. A failed pass is logged and tried again at the next tick: writes still land in the default partition.
/// </summary>
public sealed class TelemetryPartitionMaintenance(
    TelemetryPartitions partitions, TimeProvider clock, IOptions<TelemetryPartitionOptions> options, ILogger<TelemetryPartitionMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.MaintenanceMinutes), clock);
        do
        {
            try
            {
                var pass = await partitions.MaintainAsync(stoppingToken);
                if (pass.Created.Count + pass.Dropped.Count > 0)
                    logger.LogInformation("Telemetry partitions created: {Created}; dropped: {Dropped}",
                        string.Join(", ", pass.Created), string.Join(", ", pass.Dropped));
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Telemetry partition maintenance failed; it runs again in {Minutes} minutes", options.Value.MaintenanceMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
