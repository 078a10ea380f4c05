using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using SelfLearn.Agents.Scheduling;
using Wolverine;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>One occurrence of the partition schedule: create the months ahead, drop the months past retention.</summary>
public sealed record MaintainTelemetryPartitions;

public static class MaintainTelemetryPartitionsHandler
{
    public static async Task Handle(MaintainTelemetryPartitions _, TelemetryPartitions partitions, ILogger<MaintainTelemetryPartitions> logger, CancellationToken ct)
    {
        try
        {
            await RunAsync(partitions, logger, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            // The next occurrence tries again; a failed pass must not dead-letter the schedule's queue.
            logger.LogError(e, "Telemetry partition maintenance failed; the next occurrence tries again");
        }
    }

    public static async Task RunAsync(TelemetryPartitions partitions, ILogger logger, CancellationToken ct)
    {
        var pass = await partitions.MaintainAsync(ct);
        if (pass.Created.Count + pass.Dropped.Count > 0)
            logger.LogInformation("Telemetry partitions created: {Created}; dropped: {Dropped}", string.Join(", ", pass.Created), string.Join(", ", pass.Dropped));
    }
}

public static class TelemetryPartitionSchedule
{
    public const string Name = "telemetry-partitions";

    /// <summary>
    /// A Wolverine recurring schedule every <c>Telemetry:MaintenanceMinutes</c> onto a durable local queue, so with
    /// several nodes one of them maintains the partitions per occurrence.
    /// </summary>
    public static WolverineOptions AddTelemetryPartitionSchedule(this WolverineOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var setting = $"{TelemetryPartitionOptions.Section}:{nameof(TelemetryPartitionOptions.MaintenanceMinutes)}";
        var minutes = configuration.GetValue(setting, new TelemetryPartitionOptions().MaintenanceMinutes);
        options.Publish(rule => rule.Message<MaintainTelemetryPartitions>().ToLocalQueue(Name));
        options.LocalQueue(Name).UseDurableInbox().Sequential();
        options.Schedules.ScheduleRecurring(Name, RecurringCron.Every(minutes * 60, setting), _ => new MaintainTelemetryPartitions());
        return options;
    }
}
