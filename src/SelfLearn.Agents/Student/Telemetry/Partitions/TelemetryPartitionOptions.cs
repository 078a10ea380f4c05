using System.ComponentModel.DataAnnotations;

namespace SelfLearn.Agents.Student.Telemetry.Partitions;

/// <summary>The <c>Telemetry</c> section: how long runs and their measurements are kept, and how partitions are kept ready (docs/CLUSTER.md).</summary>
public sealed class TelemetryPartitionOptions
{
    public const string Section = "Telemetry";

    /// <summary>Month partitions whose whole month ended more than this many days ago are dropped; 0 keeps everything.</summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; }

    /// <summary>Month partitions created ahead of the current one, so writes never wait for DDL at a month's turn.</summary>
    [Range(1, 24)]
    public int MonthsAhead { get; set; } = 2;

    /// <summary>Minutes between two passes of the cluster-wide schedule (each node also runs one at start): 1–60, dividing an hour.</summary>
    [Range(1, 60)]
    public int MaintenanceMinutes { get; set; } = 60;
}
