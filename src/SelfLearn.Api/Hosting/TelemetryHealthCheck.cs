using Microsoft.Extensions.Diagnostics.HealthChecks;
using SelfLearn.Agents.Student.Telemetry;

namespace SelfLearn.Api.Hosting;

/// <summary>
/// Degraded (still HTTP 200) while the telemetry writer is retrying a failure, and from the first record parked in
/// telemetry_dead_letters until the app restarts: someone should look at the table. Failure messages stay in the log.
/// </summary>
public sealed class TelemetryHealthCheck(TelemetryWriter writer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = writer.Status;
        var data = new Dictionary<string, object>
        {
            ["waiting"] = status.Waiting,
            ["written"] = status.Written,
            ["deadLettered"] = status.DeadLettered,
            ["lost"] = status.Lost,
        };
        if (status.LastFailure is { } failure)
            data["lastFailureAt"] = failure.At;

        var result = status switch
        {
            { Failing: true } => HealthCheckResult.Degraded(
                $"Telemetry cannot be written at the moment; {status.Waiting} records wait and are retried.", data: data),
            { DeadLettered: > 0 } or { Lost: > 0 } => HealthCheckResult.Degraded(
                $"Since start, the database refused {status.DeadLettered} telemetry record(s), parked in {TelemetryDeadLetters.Table}; "
                + $"{status.Lost} lost.", data: data),
            _ => HealthCheckResult.Healthy("Telemetry is written.", data),
        };
        return Task.FromResult(result);
    }
}
